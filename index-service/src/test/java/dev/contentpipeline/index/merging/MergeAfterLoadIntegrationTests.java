package dev.contentpipeline.index.merging;

import dev.contentpipeline.index.IndexServiceUnderTest;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The merge after a load, in a whole index-service against the real broker and Elasticsearch, as the indexer's own
 * user: a load of 25 documents (the threshold here), written in five refreshed steps so that the index holds several
 * segments, is merged down to one once the topics are quiet for two seconds; fewer documents after it are left to
 * Elasticsearch's own merges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MergeAfterLoadIntegrationTests {

    private static final String ARTICLES = "it-merge.articles";
    private static final String ARTICLE_ALIAS = "it-merge-articles";
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final int LOAD = 25;

    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        new IndexServiceUnderTest(ARTICLES, "it-merge.countries", ARTICLE_ALIAS, "it-merge-countries", "it-merge",
                "operator-key-for-merge-tests").register(registry);
        registry.add("index.merge-after-load.min-documents", () -> Integer.toString(LOAD));
        registry.add("index.merge-after-load.quiet", () -> QUIET.toMillis() + "ms");
    }

    @BeforeAll
    static void producer() {
        producer = IndexServiceUnderTest.producer();
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aLoadIsMergedToOneSegmentOnceQuietAndATrickleAfterItIsNot() {
        for (int step = 0; step < 5; step++) {
            writeAndRefresh(step * 5, 5);
        }
        int segmentsOfTheLoad = searchSegments();
        assertThat(segmentsOfTheLoad).as("segments before the merge").isGreaterThan(1);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(searchSegments()).isEqualTo(1);
                    assertThat(due()).isZero();
                });
        assertThat(meters.get("pipeline.index.merge-after-load").timer().count()).isEqualTo(1);
        assertThat(count()).isEqualTo(LOAD);

        writeAndRefresh(LOAD, 5);
        writeAndRefresh(LOAD + 5, 5);
        assertThat(searchSegments()).isGreaterThan(1);
        await().during(QUIET.multipliedBy(3)).atMost(QUIET.multipliedBy(4)).untilAsserted(() -> {
            assertThat(due()).isZero();
            assertThat(searchSegments()).isGreaterThan(1);
        });
        assertThat(meters.get("pipeline.index.merge-after-load").timer().count()).isEqualTo(1);
        assertThat(count()).isEqualTo(LOAD + 10);
    }

    /** Publishes {@code n} articles and waits until searches see them, each refresh a new segment. */
    private static void writeAndRefresh(int first, int n) {
        for (int i = first; i < first + n; i++) {
            String id = "merge-" + i;
            producer.send(new ProducerRecord<>(ARTICLES, id, article(id, "Harbour lights " + i)));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == first + n);
    }

    private double due() {
        return meters.get("pipeline.index.merge-after-load.due").gauge().value();
    }

    private static long count() {
        return call("/" + ARTICLE_ALIAS + "/_count").path("count").asLong(-1);
    }

    /** The segments searches over the index behind the alias read (one shard). */
    private static int searchSegments() {
        JsonNode indices = call("/" + ARTICLE_ALIAS + "/_segments").path("indices");
        return indices.path(indices.propertyNames().iterator().next()).path("shards").path("0").path(0)
                .path("num_search_segments").asInt();
    }

    private static JsonNode call(String path) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        return JsonMapper.shared().readTree(elasticsearch.send(elasticsearch.request(path)
                .method("GET", HttpRequest.BodyPublishers.noBody()).build()).body());
    }

    private static byte[] article(String id, String title) {
        return ("{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"Lanterns along the quay of " + title
                + "\",\"countries\":[\"MT\"],\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":1}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
