package dev.contentpipeline.endtoend;

import dev.contentpipeline.localstack.ElasticsearchServer;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.localstack.IngestApiKey;
import dev.contentpipeline.localstack.KafkaServer;
import dev.contentpipeline.localstack.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer under kills and outages, on the real broker and Elasticsearch: whatever the broker acknowledged is
 * in the index at its newest version, nothing twice, nothing deleted back. Each test has its own topics, indices
 * and consumer group. {@code -Dresilience.records} and {@code -Dresilience.kills} make the longer variants.
 */
class IndexerResilienceIntegrationTests {

    private static final int RECORDS = Integer.getInteger("resilience.records", 10_000);
    private static final int KILLS = Integer.getInteger("resilience.kills", 3);
    private static final Duration SETTLE = Duration.ofMinutes(5);
    /** The indexer is started seven times here: start-up time matters more than peak speed. */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final List<ServiceProcess> indexers = new ArrayList<>();
    private String scenario;

    @AfterEach
    void stopIndexers() {
        indexers.forEach(ServiceProcess::close);
    }

    @Test
    void killedWithSigkillDuringALoadAndRestartedLosesAndDuplicatesNothing(TestInfo test) throws Exception {
        TopicLoad load = startLoad(test, RECORDS);
        ServiceProcess indexer = startIndexer();
        for (int kill = 1; kill <= KILLS; kill++) {
            long threshold = (long) expectedIds() * kill / (KILLS + 1);
            await().atMost(SETTLE).until(() -> IndexedState.count(elasticsearch(), alias()) >= threshold);
            indexer.kill();
            indexers.remove(indexer);
            indexer = startIndexer();
        }
        assertConverges(load);
    }

    @Test
    void sigtermFinishesTheBatchInFlightCommitsAndLeavesTheGroup(TestInfo test) throws Exception {
        TopicLoad load = startLoad(test, RECORDS);
        ServiceProcess indexer = startIndexer();
        await().atMost(SETTLE).until(() -> IndexedState.count(elasticsearch(), alias()) >= expectedIds() / 3);
        indexer.stop();
        indexers.remove(indexer);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.shared().kafkaBootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(scenario))
                    .describedGroups().get(scenario).get();
            assertThat(group.members()).as("members right after SIGTERM").isEmpty();
        }
        startIndexer();
        assertConverges(load);
    }

    @Test
    void elasticsearchStoppedForTwentySecondsDuringALoad(TestInfo test) throws Exception {
        ElasticsearchServer elasticsearch = Infrastructure.shared().localElasticsearch();
        assumeThat(elasticsearch).as("only an Elasticsearch this JVM started can be stopped").isNotNull();
        TopicLoad load = startLoad(test, RECORDS);
        ServiceProcess indexer = startIndexer();
        await().atMost(SETTLE).until(() -> IndexedState.count(elasticsearch(), alias()) >= expectedIds() / 4);

        elasticsearch.stop();
        Instant stopped = Instant.now();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> load.done() && Duration.between(stopped, Instant.now()).toSeconds() >= 20);
        assertThat(indexer.isAlive()).as("the indexer rides out the outage").isTrue();
        elasticsearch.start();

        assertConverges(load);
    }

    @Test
    void secondInstanceTakesOverThePartitionsOfAKilledOne(TestInfo test) throws Exception {
        TopicLoad load = startLoad(test, RECORDS);
        ServiceProcess first = startIndexer();
        startIndexer();
        await().atMost(SETTLE).until(() -> IndexedState.count(elasticsearch(), alias()) >= expectedIds() / 3);
        first.kill();
        indexers.remove(first);
        assertConverges(load);
    }

    @Test
    void brokerRestartedDuringALoadThroughIngestLosesNothingAcknowledged(TestInfo test) throws Exception {
        KafkaServer kafka = Infrastructure.shared().localKafka();
        assumeThat(kafka).as("only a broker this JVM started can be restarted").isNotNull();
        startLoad(test, 0);
        Path logs = Files.createDirectories(Path.of("target", "resilience-logs"));
        IngestApiKey key = IngestApiKey.random("resilience");
        Map<String, String> env = new HashMap<>(key.environment());
        env.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", Infrastructure.shared().kafkaBootstrapServers(),
                "CONTENT_TOPICS_ARTICLES", topic(),
                "CONTENT_TOPICS_COUNTRIES", scenario + ".countries",
                "CONTENT_ALIASES_ARTICLES", alias(),
                "CONTENT_ALIASES_COUNTRIES", scenario + "-countries",
                "JAVA_TOOL_OPTIONS", QUICK_START));
        ServiceProcess ingest = ServiceProcess.start("ingest-service-" + scenario,
                Path.of(System.getProperty("pipeline.ingest.jar")), ThreeServices.as(PipelineService.INGEST, env), logs);
        indexers.add(ingest);
        ingest.awaitHealthy(Duration.ofSeconds(120));
        startIndexer();

        IngestLoad load = new IngestLoad(ingest.baseUrl(), key.authorization(), RECORDS / 5);
        Thread thread = new Thread(load, "ingest-load-" + scenario);
        thread.setDaemon(true);
        thread.start();
        await().atMost(SETTLE).until(() -> load.acknowledged().size() >= RECORDS / 20);
        kafka.restart();
        await().atMost(SETTLE).until(load::done);

        Map<String, Long> acknowledged = load.acknowledged();
        Set<String> refused = load.refused();
        assertThat(load.otherStatuses()).as("every answer is 202 or 503").isEmpty();
        assertThat(refused).as("the restart was felt").isNotEmpty();
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, IndexedState.Entry> indexed = IndexedState.read(elasticsearch(), alias());
            acknowledged.forEach((id, version) -> assertThat(indexed.get(id)).as(id)
                    .isEqualTo(new IndexedState.Entry(version, false)));
        });
        Map<String, IndexedState.Entry> indexed = IndexedState.read(elasticsearch(), alias());
        assertThat(indexed.keySet()).as("nothing indexed that the load did not send")
                .allMatch(id -> acknowledged.containsKey(id) || refused.contains(id));
        // A 503 means the producer gave up within the publish timeout (delivery.timeout.ms follows it); a write the
        // broker took just before the answer went out may still arrive, and is counted here rather than hidden.
        long refusedYetIndexed = refused.stream().filter(indexed::containsKey).count();
        System.out.printf("%s: %d acknowledged, all indexed at their version; %d refused with 503, of which %d "
                + "arrived anyway%n", scenario, acknowledged.size(), refused.size(), refusedYetIndexed);
    }

    private TopicLoad startLoad(TestInfo test, int records) {
        scenario = "rs-" + test.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 20)
                + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        TopicLoad load = new TopicLoad(Infrastructure.shared().kafkaBootstrapServers(), topic(), records);
        Thread thread = new Thread(load, "load-" + scenario);
        thread.setDaemon(true);
        thread.start();
        return load;
    }

    private void assertConverges(TopicLoad load) {
        await().atMost(SETTLE).until(load::done);
        Map<String, IndexedState.Entry> expected = load.expected();
        assertThat(load.acknowledged()).isEqualTo(RECORDS);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(IndexedState.read(elasticsearch(), alias())).isEqualTo(expected));
        System.out.printf("%s: %d records acknowledged, %d ids indexed at their newest version (%d deleted)%n",
                scenario, load.acknowledged(), expected.size(),
                expected.values().stream().filter(IndexedState.Entry::deleted).count());
    }

    private ServiceProcess startIndexer() throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "resilience-logs"));
        ServiceProcess indexer = ServiceProcess.start("index-service-" + scenario + "-" + indexers.size(),
                Path.of(System.getProperty("pipeline.index.jar")), ThreeServices.as(PipelineService.INDEX, Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", Infrastructure.shared().kafkaBootstrapServers(),
                        "CONTENT_TOPICS_ARTICLES", topic(),
                        "CONTENT_TOPICS_COUNTRIES", scenario + ".countries",
                        "CONTENT_ALIASES_ARTICLES", alias(),
                        "CONTENT_ALIASES_COUNTRIES", scenario + "-countries",
                        "SPRING_KAFKA_CONSUMER_GROUP_ID", scenario,
                        "JAVA_TOOL_OPTIONS", QUICK_START)),
                logs);
        indexers.add(indexer);
        indexer.awaitHealthy(Duration.ofSeconds(120));
        return indexer;
    }

    private int expectedIds() {
        return Math.max(1, RECORDS / 5);
    }

    private String topic() {
        return scenario + ".articles";
    }

    private String alias() {
        return scenario + "-articles";
    }

    private static ElasticsearchAccess elasticsearch() {
        return Infrastructure.shared().elasticsearch();
    }
}
