package dev.contentpipeline.compose;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;
import dev.contentpipeline.client.PutLoad;
import dev.contentpipeline.client.SearchClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docker-compose.yml as an operator runs it, on the real Docker engine: built, started and awaited healthy; the
 * sample content loaded through the published ingest API and found through the published search API; everything
 * still there after {@code down} and {@code up}; the indexer crashed during a load and brought back by its restart
 * policy with every acknowledged record searchable once. Run by compose/verify.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleNodeComposeTests {

    private static final String[] SERVICES = { "kafka", "elasticsearch", "ingest-service", "index-service",
        "search-service" };

    private static final Duration STARTUP = Duration.ofMinutes(6);

    private static final int SEARCH_PORT = 18080;

    private static final int INGEST_PORT = 18081;

    private static ComposeProject stack;

    private static IngestClient ingest;

    private static SearchClient search;

    private static final SampleContent content = SampleContent.read();

    @BeforeAll
    static void upAndHealthy() {
        stack = ComposeProject.create("cpverify", List.of("docker-compose.yml"), Map.of(
                "SEARCH_PORT", Integer.toString(SEARCH_PORT), "INGEST_PORT", Integer.toString(INGEST_PORT),
                // The load below runs at a few hundred requests a second.
                "INGEST_RATE_LIMIT", "5000", "INGEST_RATE_BURST", "5000",
                "SEARCH_RATE_LIMIT", "5000", "SEARCH_RATE_BURST", "5000"));
        long started = System.nanoTime();
        stack.compose("up", "-d", "--build");
        stack.awaitHealthy(STARTUP, SERVICES);
        System.out.printf("compose: built, up and healthy in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        ingest = new IngestClient("http://localhost:" + INGEST_PORT, stack.publisherKey());
        search = new SearchClient("http://localhost:" + SEARCH_PORT);
    }

    @AfterAll
    static void down() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void sampleContentGoesInThroughIngestAndIsFound() {
        for (var lines : java.util.List.of(content.countryLines(), content.articleLines())) {
            Answer answer = ingest.bulk(String.join("\n", lines) + "\n");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("accepted").asInt()).as(answer.toString()).isEqualTo(lines.size());
        }
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(documents("countries")).isEqualTo(content.countryLines().size());
            assertThat(documents("articles")).isEqualTo(content.articleLines().size());
        });
        Answer belarus = search.search("white russia", "&type=country");
        assertThat(belarus.json().path("hits").path(0).path("id").asString()).as(belarus.toString()).isEqualTo("BY");
        Answer hotPot = search.search("hot pot", "&type=article");
        assertThat(hotPot.json().path("total").asInt()).as(hotPot.toString()).isPositive();
    }

    @Test
    @Order(2)
    void topicsOffsetsAndIndicesSurviveDownAndUp() {
        await().atMost(Duration.ofMinutes(1)).until(() -> lag(consumerGroup()) == 0);
        String groupBefore = consumerGroup();
        String topicsBefore = stack.exec("kafka", "/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server",
                "localhost:9092", "--list");
        assertThat(committedOffsets(groupBefore)).isPositive();

        stack.down(false);
        stack.compose("up", "-d");
        stack.awaitHealthy(STARTUP, SERVICES);

        assertThat(stack.exec("kafka", "/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server", "localhost:9092",
                "--list")).isEqualTo(topicsBefore).contains("content.articles", "content.countries");
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            String group = consumerGroup();
            // The indexer resumed where it was: the same committed offsets, nothing read again, nothing left.
            assertThat(committedOffsets(group)).isEqualTo(committedOffsets(groupBefore));
            assertThat(lag(group)).isZero();
        });
        assertThat(documents("countries")).isEqualTo(content.countryLines().size());
        assertThat(documents("articles")).isEqualTo(content.articleLines().size());
        assertThat(search.search("white russia", "&type=country").json().path("hits").path(0).path("id").asString())
                .isEqualTo("BY");
        System.out.printf("compose: after down and up, %d committed offsets kept, %d countries and %d articles%n",
                committedOffsets(groupBefore), documents("countries"), documents("articles"));
    }

    @Test
    @Order(3)
    void aCrashedIndexerIsRestartedAndEveryAcknowledgedRecordIsSearchableOnce() {
        int restartsBefore = stack.restartCount("index-service");
        PutLoad load = new PutLoad(ingest, "compose-crash", 2_500,
                (n) -> PutLoad.article("Crash test article " + n, "composecrash"));
        CompletableFuture<PutLoad> running = CompletableFuture.supplyAsync(() -> load.run(8));
        await().atMost(Duration.ofMinutes(2)).until(() -> load.answered() >= 500);
        stack.crash("index-service");
        long crashedAt = System.nanoTime();
        running.join();
        System.out.println("compose: " + load);

        assertThat(load.otherAnswers()).as("ingest answers only 202 or 503").isEmpty();
        assertThat(load.acknowledged()).hasSizeGreaterThanOrEqualTo(2_000);
        await().atMost(Duration.ofMinutes(3)).until(() -> stack.restartCount("index-service") > restartsBefore);
        stack.awaitHealthy(STARTUP, "index-service");
        long restartedIn = (System.nanoTime() - crashedAt) / 1_000_000_000;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
            .untilAsserted(() -> assertThat(stack.documents("elasticsearch", "articles", "tags:composecrash"))
                    .isEqualTo(load.acknowledged().size()));
        load.acknowledged().forEach((id, version) -> {
            Answer stored = search.record(IngestClient.Kind.ARTICLES, id);
            assertThat(stored.json().path("version").asLong()).as(id + ": " + stored).isEqualTo(version);
        });
        System.out.printf("compose: index-service crashed (SIGKILL) during the load, restarted by its policy and "
                + "healthy within %d s; all %d acknowledged articles searchable at their version, none twice%n",
                restartedIn, load.acknowledged().size());
    }

    private static long documents(String alias) {
        return stack.documents("elasticsearch", alias, null);
    }

    private static String consumerGroup() {
        return stack.exec("kafka", "/opt/kafka/bin/kafka-consumer-groups.sh", "--bootstrap-server", "localhost:9092",
                "--describe", "--group", "index-service");
    }

    /** The sum of CURRENT-OFFSET over the content topics' partitions. */
    private static long committedOffsets(String describe) {
        return column(describe, "CURRENT-OFFSET");
    }

    private static long lag(String describe) {
        return column(describe, "LAG");
    }

    private static long column(String describe, String name) {
        long sum = 0;
        int index = -1;
        for (String line : describe.lines().toList()) {
            String[] cells = line.strip().split("\\s+");
            if (index < 0) {
                index = java.util.Arrays.asList(cells).indexOf(name);
                continue;
            }
            if (cells.length > index && cells[index].matches("\\d+") && cells[1].startsWith("content.")) {
                sum += Long.parseLong(cells[index]);
            }
        }
        return sum;
    }
}
