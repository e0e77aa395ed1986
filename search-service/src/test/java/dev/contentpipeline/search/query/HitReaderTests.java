package dev.contentpipeline.search.query;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HitReaderTests {

    @Test
    void theSnippetIsThePassageWithTheMostMatches() {
        assertThat(HitReader.snippet(Map.of(
                "summary", List.of("a <mark>hot</mark> meal"),
                "body", List.of("<mark>hot</mark> <mark>pot</mark> at the table"),
                "title", List.of("<mark>Hot</mark> <mark>pot</mark> <mark>winter</mark>")), Map.of()))
                .isEqualTo("<mark>hot</mark> <mark>pot</mark> at the table");
        assertThat(HitReader.snippet(Map.of("names.zh", List.of("<mark>白俄罗斯</mark>")), Map.of()))
                .isEqualTo("<mark>白俄罗斯</mark>");
    }

    @Test
    void withoutAMatchedPassageTheSummaryOrOfficialNameServes() {
        assertThat(HitReader.snippet(Map.of("summary", List.of("Broth at thirty below."),
                "body", List.of("In Hegang")), Map.of())).isEqualTo("Broth at thirty below.");
        assertThat(HitReader.snippet(Map.of(), Map.of("officialName", "Republic of <Belarus> & Åland")))
                .isEqualTo("Republic of &lt;Belarus&gt; &amp; Åland");
        assertThat(HitReader.snippet(Map.of(), Map.of())).isEmpty();
    }
}
