package dev.contentpipeline.search.hits;

import dev.contentpipeline.search.userquery.QueryParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypoMarksTests {

    private static TypoMarks typos(String query) {
        return TypoMarks.of(QueryParser.parse(query));
    }

    @Test
    void marksTitleWordsOneTypoFromFiveLettersAndTwoFromNine() {
        assertThat(typos("quokla").mark("Quokka and the ornithopter", "Quokka and the ornithopter"))
                .isEqualTo("<mark>Quokka</mark> and the ornithopter");
        assertThat(typos("ornitopterr").mark("Quokka and the ornithopter", "Quokka and the ornithopter"))
                .as("two typos in eleven letters").isEqualTo("Quokka and the <mark>ornithopter</mark>");
        assertThat(typos("qoukla").mark("Quokka", "Quokka")).as("two typos in six letters").isEqualTo("Quokka");
        assertThat(typos("yurd").mark("Yurt life", "Yurt life")).as("no typo under five letters")
                .isEqualTo("Yurt life");
        assertThat(typos("qoukka").mark("Quokka", "Quokka")).as("two neighbours swapped are one typo")
                .isEqualTo("<mark>Quokka</mark>");
        assertThat(typos("\"quokla\"").mark("Quokka", "Quokka")).as("phrases match exactly").isEqualTo("Quokka");
    }

    @Test
    void keepsElasticsearchsMarksAndEscaping() {
        String html = "<mark>Hegang</mark> &amp; the &lt;winter&gt; caf&#233;";
        String title = "Hegang & the <winter> café";
        assertThat(typos("summer").mark(html, title)).as("no typo match: the HTML as it came").isEqualTo(html);
        assertThat(typos("hegang wimter").mark(html, title))
                .isEqualTo("<mark>Hegang</mark> &amp; the &lt;<mark>winter</mark>&gt; café");
        assertThat(typos("cafes").mark("Caf&#233;s", "Cafés")).as("accents folded").isEqualTo("<mark>Cafés</mark>");
        assertThat(typos("hegang wimter").mark("Some other title", title))
                .as("HTML that does not spell the title is kept").isEqualTo("Some other title");
        assertThat(TypoMarks.none().mark(html, title)).isEqualTo(html);
    }

    @Test
    void suggestionsMarkTheWordsThatBeginWithATypedWord() {
        String title = "Quokka and the ornithopter";
        assertThat(TypoMarks.ofSuggestion("quokka orni").mark(title, title))
                .isEqualTo("<mark>Quokka</mark> and the <mark>ornithopter</mark>");
        assertThat(TypoMarks.ofSuggestion("quo").mark(title, title)).isEqualTo("<mark>Quokka</mark> and the ornithopter");
        assertThat(TypoMarks.ofSuggestion("quokla orni").mark(title, title)).as("a typo in a word but the last")
                .isEqualTo("<mark>Quokka</mark> and the <mark>ornithopter</mark>");
        assertThat(TypoMarks.ofSuggestion("quoka ornitopt").mark(title, title))
                .as("the beginning of a word, a letter left out: one typo from five letters")
                .isEqualTo("<mark>Quokka</mark> and the ornithopter");
        assertThat(TypoMarks.ofSuggestion("orni quokla").mark(title, title)).as("no typos in the last word")
                .isEqualTo("Quokka and the <mark>ornithopter</mark>");
        assertThat(TypoMarks.ofSuggestion("caf").mark("Caf&#233;s &amp; more", "Cafés & more"))
                .as("accents folded, escaping kept").isEqualTo("<mark>Cafés</mark> &amp; more");
        assertThat(TypoMarks.ofSuggestion("land").mark("Iceland", "Iceland")).as("only beginnings")
                .isEqualTo("Iceland");
        assertThat(TypoMarks.ofSuggestion("cote d").mark("C&#244;te d&#39;Ivoire", "Côte d'Ivoire"))
                .as("an apostrophe between letters is inside the word, as Elasticsearch's standard tokenizer has it")
                .isEqualTo("<mark>Côte</mark> <mark>d&#39;Ivoire</mark>");
    }

    @Test
    void suggestionsLeaveChineseJapaneseAndKoreanToElasticsearch() {
        String html = "<mark>鹤岗</mark>：一座煤城";
        assertThat(TypoMarks.ofSuggestion("鹤岗").mark(html, "鹤岗：一座煤城")).isEqualTo(html);
        assertThat(TypoMarks.ofSuggestion("鹤 coal").mark("鹤岗 coal town", "鹤岗 coal town"))
                .isEqualTo("鹤岗 <mark>coal</mark> town");
    }

    @Test
    void distanceCountsCodePointsAndSwaps() {
        assertThat(distance("ornithopter", "ornitopterr", 2)).isTrue();
        assertThat(distance("ornithopter", "orntopterr", 2)).isFalse();
        assertThat(distance("abcde", "bacde", 1)).isTrue();
        assertThat(distance("𝔸bcde", "𝔹bcde", 1)).isTrue();
        assertThat(TypoMarks.words("Saint-Barthélemy, 2026")).extracting(w -> w[0] + "-" + w[1])
                .containsExactly("0-5", "6-16", "18-22");
        assertThat(TypoMarks.words("d'Ivoire's U.S. 1,000 'quoted' end.")).extracting(w -> w[0] + "-" + w[1])
                .containsExactly("0-10", "11-14", "16-21", "23-29", "31-34");
    }

    private static boolean distance(String a, String b, int max) {
        return TypoMarks.distanceAtMost(a.codePoints().toArray(), b.codePoints().toArray(), max);
    }
}
