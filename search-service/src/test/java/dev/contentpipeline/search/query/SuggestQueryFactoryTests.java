package dev.contentpipeline.search.query;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static dev.contentpipeline.search.query.SearchQueryFactoryTests.render;
import static org.assertj.core.api.Assertions.assertThat;

class SuggestQueryFactoryTests {

    private final SuggestQueryFactory factory = new SuggestQueryFactory(SearchQueryFactoryTests.NAMES);

    @Test
    void matchesTitlesAndNamesAsTyped() {
        JsonNode json = render(factory.suggest("white ru", List.of("country"), 5));
        JsonNode match = json.at("/query/bool/must/0/multi_match");
        assertThat(match.at("/type").asString()).isEqualTo("bool_prefix");
        assertThat(match.at("/query").asString()).isEqualTo("white ru");
        assertThat(match.at("/fields").toString()).contains("title.autocomplete^3", "name.autocomplete^3",
                "aliases.autocomplete^2").doesNotContain("body");
        assertThat(json.at("/query/bool/filter/0/term/deleted/value").asBoolean()).isFalse();
        assertThat(json.at("/query/bool/filter/1/terms/type").toString()).isEqualTo("[\"country\"]");
        assertThat(json.at("/query/bool/should/0/multi_match/type").asString()).isEqualTo("phrase");
        assertThat(json.get("size").asInt()).isEqualTo(5);
        assertThat(json.at("/highlight/fields/name.autocomplete/number_of_fragments").asInt()).isZero();
    }
}
