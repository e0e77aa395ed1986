package dev.contentpipeline.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryMixTests {

    private final QueryMix mix = new QueryMix(new SyntheticCorpus(7));

    @Test
    void prefixesAreTheBeginningsOfTheMixsWordsAndOfCountryNames() {
        assertThat(mix.prefixes()).contains("ha", "har", "harb", "chi", "new z", "sout").doesNotHaveDuplicates()
                .allSatisfy(prefix -> assertThat(prefix.length()).isBetween(2, 8));
        assertThat(mix.prefixes()).noneMatch(prefix -> prefix.equals("harbour"));
    }
}
