package dev.contentpipeline.benchmarks;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticCorpusTests {

    private static final SyntheticCorpus corpus = new SyntheticCorpus(7);

    @Test
    void theSameSeedMakesTheSameArticles() {
        SyntheticCorpus again = new SyntheticCorpus(7);
        for (int i : new int[] {0, 1, 999, 49_999}) {
            assertThat(again.json("art-", i)).isEqualTo(corpus.json("art-", i));
        }
        assertThat(new SyntheticCorpus(8).json("art-", 1)).isNotEqualTo(corpus.json("art-", 1));
    }

    @Test
    void everyArticleIsValidAsPublishersSendIt() {
        IntStream.range(0, 100).forEach(i -> {
            byte[] json = corpus.json("art-", i);
            Article read = ContentJson.readArticle(json, true);
            assertThat(read.id()).isEqualTo(String.format("art-%07d", i));
            assertThat(read.countries()).isNotEmpty();
            assertThat(read.tags()).isNotEmpty();
            assertThat(new String(RawBulkLoad.idOf(json), StandardCharsets.US_ASCII)).isEqualTo(read.id());
            assertThat(ContentJson.readArticle(BacklogDrain.withVersion(json), true).version())
                    .isEqualTo(RawBulkLoad.VERSION);
        });
    }

    @Test
    void sizesFollowTheMixFromOneToTwentyKilobytes() {
        int[] sizes = IntStream.range(0, 400).map(i -> corpus.json("art-", i).length).toArray();
        assertThat(IntStream.of(sizes).min().getAsInt()).isGreaterThanOrEqualTo(900);
        assertThat(IntStream.of(sizes).max().getAsInt()).isLessThanOrEqualTo(20 * 1024 + 400);
        double average = IntStream.of(sizes).average().orElseThrow();
        assertThat(average).isBetween(4_000.0, 6_500.0);
        long longReads = IntStream.of(sizes).filter(size -> size > 12 * 1024).count();
        assertThat(longReads).isBetween(10L, 50L);
    }

    @Test
    void theQueryMixHoldsSixteenDistinctQueries() {
        assertThat(new QueryMix(corpus).queries()).hasSize(16).doesNotHaveDuplicates();
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        IntStream.rangeClosed(1, 100).forEach(ms -> latencies.add(ms * 1_000_000L));
        assertThat(latencies.p50()).isEqualTo(50.0);
        assertThat(latencies.p99()).isEqualTo(99.0);
    }
}
