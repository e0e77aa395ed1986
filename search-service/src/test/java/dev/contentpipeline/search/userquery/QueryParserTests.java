package dev.contentpipeline.search.userquery;

import dev.contentpipeline.search.userquery.UserQuery.Clause;
import dev.contentpipeline.search.userquery.UserQuery.Phrase;
import dev.contentpipeline.search.userquery.UserQuery.Word;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParserTests {

    @Test
    void wordsAreRequiredAndOnlyTheLastIsAPrefix() {
        UserQuery query = QueryParser.parse("hot pot");
        assertThat(query.required()).containsExactly(
                new Clause(List.of(new Word("hot", false))), new Clause(List.of(new Word("pot", true))));
        assertThat(QueryParser.parse("hot pot ").required().get(1).anyOf()).containsExactly(new Word("pot", false));
    }

    @Test
    void quotesMakePhrasesAndMinusExcludes() {
        UserQuery query = QueryParser.parse("\"hot  pot\" hegang -coal -\"coal mine\"");
        assertThat(query.required()).containsExactly(new Clause(List.of(new Phrase("hot pot"))),
                new Clause(List.of(new Word("hegang", false))));
        assertThat(query.excluded()).containsExactly(new Word("coal", false), new Phrase("coal mine"));
        assertThat(QueryParser.parse("“curly quotes”").required())
                .containsExactly(new Clause(List.of(new Phrase("curly quotes"))));
    }

    @Test
    void orJoinsTheTermsBesideIt() {
        UserQuery query = QueryParser.parse("hegang kimchi OR \"hot pot\" winter");
        assertThat(query.required()).containsExactly(new Clause(List.of(new Word("hegang", false))),
                new Clause(List.of(new Word("kimchi", false), new Phrase("hot pot"))),
                new Clause(List.of(new Word("winter", true))));
        assertThat(QueryParser.parse("OR a OR OR").required()).containsExactly(new Clause(List.of(new Word("a", false))));
        assertThat(QueryParser.parse("a or b").required()).hasSize(3);
    }

    @Test
    void unbalancedQuotesAndSyntaxAreOnlyText() {
        assertThat(QueryParser.parse("\"hot pot").required()).containsExactly(
                new Clause(List.of(new Word("hot", false))), new Clause(List.of(new Word("pot", true))));
        assertThat(QueryParser.parse("*:* {}[]^~ \\ && || !").isEmpty()).isTrue();
        assertThat(QueryParser.parse("title:(x").required())
                .containsExactly(new Clause(List.of(new Word("title:(x", true))));
        assertThat(QueryParser.parse("- -- \"\" \" \"").isEmpty()).isTrue();
    }

    @Test
    void controlAndInvisibleCharactersAreSpaces() {
        assertThat(QueryParser.parse("hot\u0000pot\u200Bbroth\u202E").required()).extracting(c -> c.anyOf().get(0).text())
                .containsExactly("hot", "pot", "broth");
        assertThat(QueryParser.clean("a\tb\nc\u0007")).isEqualTo("a b c ");
    }

    @Test
    void onlyTheFirstTenTermsCount() {
        UserQuery query = QueryParser.parse("a b c d e f g h i -j k l");
        assertThat(query.required()).hasSize(9);
        assertThat(query.excluded()).hasSize(1);
        assertThat(query.ignored()).containsExactly("k", "l");
    }

    @Test
    void rendersBackWithCorrections() {
        UserQuery query = QueryParser.parse("hegnag \"hot pot\" OR kimchee -coal");
        assertThat(query.render(Map.of("hegnag", "hegang", "kimchee", "kimchi")))
                .isEqualTo("hegang \"hot pot\" OR kimchi -coal");
        assertThat(query.plainWords()).isEmpty();
        assertThat(QueryParser.parse("a b").plainWords()).containsExactly("a", "b");
    }
}
