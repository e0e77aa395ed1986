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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docker-compose.yml with docker-compose.cluster.yml: three brokers, three Elasticsearch nodes, two indexers and
 * two search-service instances. Under a load through ingest-service, one broker, then one Elasticsearch node, then
 * one indexer is killed with SIGKILL and kept down for the rest of the load; each time every acknowledged record is
 * searchable at its version, nothing is indexed twice, and ingest answers only 202 or 503. Run by
 * compose/cluster-faults; prints the figures of each fault.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsComposeTests {

    private static final String[] SERVICES = { "kafka", "kafka-2", "kafka-3", "elasticsearch", "elasticsearch-2",
        "elasticsearch-3", "ingest-service", "index-service", "search-service", "search-service-2" };

    private static final Duration STARTUP = Duration.ofMinutes(10);

    private static final int RECORDS = Integer.getInteger("cluster.records", 3_000);

    private static final List<String> figures = new ArrayList<>();

    private static ComposeProject stack;

    private static IngestClient ingest;

    private static SearchClient search;

    @BeforeAll
    static void upAndHealthy() {
        // Where the host cannot give Elasticsearch 65535 open files: compose/cluster-faults passes the limit.
        String openFiles = System.getProperty("cluster.loopback", "");
        List<String> files = new ArrayList<>(List.of("docker-compose.yml", "docker-compose.cluster.yml"));
        Map<String, String> settings = new java.util.HashMap<>(Map.of("SEARCH_PORT", "28080", "INGEST_PORT", "28081",
                "SEARCH_PORT_2", "28083", "INGEST_RATE_LIMIT", "5000", "INGEST_RATE_BURST", "5000",
                "SEARCH_RATE_LIMIT", "5000", "SEARCH_RATE_BURST", "5000"));
        if (!openFiles.isBlank()) {
            files.add("compose/cluster-on-loopback.yml");
            settings.put("ES_NOFILE", openFiles);
            figures.add("Elasticsearch nodes on one loopback (compose/cluster-on-loopback.yml): the host allows "
                    + openFiles + " open files");
        }
        stack = ComposeProject.create("cpcluster", files, settings);
        long started = System.nanoTime();
        stack.compose("up", "-d", "--build", "--scale", "index-service=2");
        stack.awaitHealthy(STARTUP, SERVICES);
        figures.add("cluster up and healthy in " + seconds(started) + " s");
        ingest = new IngestClient("http://localhost:28081", stack.publisherKey());
        search = new SearchClient("http://localhost:28080");
    }

    @AfterAll
    static void printAndDown() {
        System.out.println("cluster faults:");
        figures.forEach((line) -> System.out.println("  " + line));
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aBrokerKilledDuringALoadLosesNothingAcknowledged() {
        underFault("broker", stack.containerId("kafka-2"));
    }

    @Test
    @Order(2)
    void anElasticsearchNodeKilledDuringALoadLosesNothingAcknowledged() {
        underFault("elasticsearch node", stack.containerId("elasticsearch-2"));
    }

    @Test
    @Order(3)
    void anIndexerKilledDuringALoadLosesNothingAcknowledged() {
        underFault("indexer", stack.containerIds("index-service").get(0));
    }

    /**
     * PUTs {@link #RECORDS} articles; kills the container after a fifth of them and keeps it down until the load
     * ends; starts it again; then checks every acknowledged article and prints the figures.
     */
    private static void underFault(String fault, String container) {
        String tag = "fault" + fault.replaceAll("[^a-z]", "");
        PutLoad load = new PutLoad(ingest, tag, RECORDS, (n) -> PutLoad.article("Under a " + fault + " fault " + n,
                tag));
        CompletableFuture<PutLoad> running = CompletableFuture.supplyAsync(() -> load.run(8));
        await().atMost(Duration.ofMinutes(3)).until(() -> load.answered() >= RECORDS / 5);
        ComposeProject.kill(container);
        long killedAt = System.nanoTime();
        running.join();
        ComposeProject.start(container);

        assertThat(load.otherAnswers()).as("ingest answers only 202 or 503").isEmpty();
        Map<String, Long> acknowledged = load.acknowledged();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
            .until(() -> stack.documents("elasticsearch", "articles", "tags:" + tag) >= acknowledged.size());
        long searchableAfter = seconds(killedAt);
        long indexed = stack.documents("elasticsearch", "articles", "tags:" + tag);
        assertThat(indexed).as("nothing indexed but what was sent: acknowledged, or refused yet stored")
            .isBetween((long) acknowledged.size(), (long) acknowledged.size() + load.refused().size());
        acknowledged.forEach((id, version) -> {
            Answer stored = search.record(IngestClient.Kind.ARTICLES, id);
            assertThat(stored.json().path("version").asLong()).as(id + ": " + stored).isEqualTo(version);
        });
        stack.awaitHealthy(STARTUP, SERVICES);
        figures.add(String.format("%s killed: %d records sent, %d acknowledged, %d refused (503), %d indexed "
                + "(%d refused yet stored), all acknowledged searchable at their version %d s after the kill, "
                + "the cluster healthy again %d s after it", fault, RECORDS, acknowledged.size(), load.refused().size(),
                indexed, indexed - acknowledged.size(), searchableAfter, seconds(killedAt)));
    }

    private static long seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000_000;
    }
}
