package dev.contentpipeline.search.hits;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HitReaderTests {

    @Test
    void theSnippetIsThePassageWithTheMostMatches() {
        assertThat(HitReader.snippet(Map.of(
                "summary.folded", List.of("a <mark>hot</mark> meal"),
                "body.stemmed", List.of("<mark>hot</mark> <mark>pot</mark> at the table"),
                "title.folded", List.of("<mark>Hot</mark> <mark>pot</mark> <mark>winter</mark>")), Map.of()))
                .isEqualTo("<mark>hot</mark> <mark>pot</mark> at the table");
        assertThat(HitReader.snippet(Map.of("names.zh.cjk", List.of("<mark>白俄罗斯</mark>")), Map.of()))
                .isEqualTo("<mark>白俄罗斯</mark>");
    }

    @Test
    void theTitleIsTheSubFieldHighlightWithTheMostMarks() {
        assertThat(HitReader.mostMarked(Map.of(
                "title.exact", List.of("<mark>Hot pot against the winter</mark>"),
                "title.stemmed", List.of("<mark>Hot</mark> <mark>pot</mark> against the winter"),
                "name.folded", List.of("<mark>a</mark> <mark>b</mark> <mark>c</mark>")), "title."))
                .isEqualTo("<mark>Hot</mark> <mark>pot</mark> against the winter");
        assertThat(HitReader.mostMarked(Map.of(), "name.")).isNull();
    }

    @Test
    void withoutAMatchedPassageTheSummaryOrOfficialNameServes() {
        assertThat(HitReader.snippet(Map.of("summary.folded", List.of("Broth at thirty below."),
                "body.stemmed", List.of("In Hegang")), Map.of())).isEqualTo("Broth at thirty below.");
        assertThat(HitReader.snippet(Map.of(), Map.of("officialName", "Republic of <Belarus> & Åland")))
                .isEqualTo("Republic of &lt;Belarus&gt; &amp; Åland");
        assertThat(HitReader.snippet(Map.of(), Map.of())).isEmpty();
    }
}
