package dev.contentpipeline.endtoend;

import dev.contentpipeline.localstack.ElasticsearchServer;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.TopicReader;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.localstack.IngestApiKey;
import dev.contentpipeline.localstack.KafkaServer;
import dev.contentpipeline.localstack.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The indexer under kills and outages, on the real broker and Elasticsearch: whatever the broker acknowledged is
 * in the index at its newest version, nothing twice, nothing deleted back. Each scenario has its own topics,
 * indices and consumer group. {@code -Dresilience.records} and {@code -Dresilience.kills} make the longer variants. The
 * scenarios that stop Elasticsearch or restart the broker need servers this JVM started (the local stack, the
 * default): on other infrastructure they fail and say so, rather than skip and prove nothing.
 */
class IndexerResilienceIntegrationTests {

    private static final int RECORDS = Integer.getInteger("resilience.records", 5_000);
    private static final int KILLS = Integer.getInteger("resilience.kills", 3);
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final String LOCAL_STACK_ONLY = "run without " + Infrastructure.INFRASTRUCTURE_SETTING
            + "=containers and without " + Infrastructure.KAFKA_SETTING + " and " + Infrastructure.ELASTICSEARCH_SETTING
            + ", so that the tests start the local stack (the default); Testcontainers' containers and servers that "
            + "already run cannot be stopped from here";
    /** What index-service logs for each failed attempt at a batch it will try again. */
    private static final String RETRIED_BATCH_LOG = "to be retried after a back-off";
    /** The indexer is started again after every kill and for every scenario: start-up time matters more than peak speed. */
    static final String QUICK_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    /**
     * The longest back-off between attempts at a batch (30 s by default): an outage of 20 s still sees several
     * attempts, and the indexer goes on within seconds of Elasticsearch's return rather than up to half a minute.
     */
    private static final Duration RETRY_AT_MOST = Duration.ofSeconds(4);
    /**
     * How long the group waits for a member that stopped heartbeating (45 s by default): a restarted indexer's
     * consumers get their partitions only once the killed one's members have timed out, and the kill scenarios
     * wait for that after every kill. What they prove (nothing lost, nothing twice) does not depend on it.
     */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

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

    /**
     * Elasticsearch stopped once, for twenty seconds, and two scenarios in that one outage (a second outage would
     * cost the suite another restart of Elasticsearch, twenty seconds and more): an indexer in the middle of a load
     * rides it out and converges; and beside it, on a topic of its own, an indexer that was idle gets a batch mixing
     * articles and poison records (not JSON, invalid) while Elasticsearch is down, tries it again and again with
     * back-off, and still sends each poison record to the dead-letter topic once.
     */
    @Test
    void elasticsearchStoppedForTwentySecondsDuringALoadAndDuringABatchWithPoisonRecords(TestInfo test)
            throws Exception {
        ElasticsearchServer elasticsearch = stoppableElasticsearch();
        TopicLoad load = startLoad(test, RECORDS);
        ServiceProcess indexer = startIndexer();
        String poisoned = scenario + "-poison";
        ServiceProcess poisonIndexer = startIndexer(poisoned);
        Map<String, byte[]> poison = Map.of(
                "poison-not-json", "this is not json".getBytes(StandardCharsets.UTF_8),
                "poison-bad-utf8", new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "poison-no-body", "{\"id\":\"poison-no-body\",\"title\":\"No body, no date\"}"
                        .getBytes(StandardCharsets.UTF_8),
                "poison-other-id", outageArticle("not-the-key", 1));
        Map<String, IndexedState.Entry> expected = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = TopicRecords.producer(200)) {
            producer.send(new ProducerRecord<>(topic(poisoned), 0, "before-outage", outageArticle("before-outage", 1)))
                    .get();
            expected.put("before-outage", new IndexedState.Entry(1, false));
            await().atMost(SETTLE).until(() -> IndexedState.read(elasticsearch(), alias(poisoned)).equals(expected));
            await().atMost(SETTLE).until(() -> IndexedState.count(elasticsearch(), alias()) >= expectedIds() / 4);

            elasticsearch.stop();
            try {
                Instant stopped = Instant.now();
                // One partition and one produce request, so that the idle indexer polls them as one batch.
                List<String> poisonKeys = List.copyOf(poison.keySet());
                for (int i = 0; i < 40; i++) {
                    String id = "during-outage-" + i;
                    producer.send(new ProducerRecord<>(topic(poisoned), 0, id, outageArticle(id, 10 + i)));
                    expected.put(id, new IndexedState.Entry(10 + i, false));
                    if (i % 10 == 5) {
                        String key = poisonKeys.get(i / 10);
                        producer.send(new ProducerRecord<>(topic(poisoned), 0, key, poison.get(key)));
                    }
                }
                producer.flush();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> load.done() && Duration.between(stopped, Instant.now()).toSeconds() >= 20);
                assertThat(indexer.isAlive()).as("the indexer under load rides out the outage").isTrue();
                assertThat(poisonIndexer.isAlive()).as("the indexer with poison records rides out the outage")
                        .isTrue();
            } finally {
                elasticsearch.start();
            }
        }

        assertConverges(load);
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(IndexedState.read(elasticsearch(), alias(poisoned))).isEqualTo(expected);
            assertThat(TopicRecords.lag(poisoned, topic(poisoned))).as("offsets committed").isZero();
        });
        Map<String, Long> deadLetters = TopicReader.readAll(topic(poisoned) + ".DLT").stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(deadLetters).as("dead letters by key").isEqualTo(
                poison.keySet().stream().collect(Collectors.toMap(key -> key, key -> 1L)));
        long attempts;
        try (Stream<String> lines = Files.lines(poisonIndexer.logFile())) {
            attempts = lines.filter(line -> line.contains(RETRIED_BATCH_LOG)).count();
        }
        assertThat(attempts).as("failed attempts at the batch while Elasticsearch was down").isGreaterThanOrEqualTo(2);
        System.out.printf("%s: %d poison records in a batch that failed %d times while Elasticsearch was down, each "
                + "dead-lettered once%n", poisoned, poison.size(), attempts);
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
        if (kafka == null) {
            fail("This scenario restarts the broker, so it needs a broker this JVM started, not the "
                    + Infrastructure.shared() + ": " + LOCAL_STACK_ONLY);
        }
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
                Path.of(System.getProperty("pipeline.ingest.jar")), RunningServices.as(PipelineService.INGEST, env), logs);
        indexers.add(ingest);
        ingest.awaitHealthy(Duration.ofSeconds(120));
        startIndexer();

        IngestLoad load = new IngestLoad(ingest.baseUrl(), key.authorization(), RECORDS / 5);
        Thread thread = new Thread(load, "ingest-load-" + scenario);
        thread.setDaemon(true);
        thread.start();
        await().atMost(SETTLE).until(() -> load.acknowledged().size() >= RECORDS / 20);
        // Down until ingest has answered a 503: a restart quicker than ingest's publish timeout is ridden out inside
        // the requests, and would prove nothing about what a refusal leaves behind.
        kafka.stop();
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> !load.refused().isEmpty() || load.done());
        } finally {
            kafka.start();
        }
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

    /**
     * The Elasticsearch this JVM started, which a scenario may stop. Other infrastructure fails the scenario with
     * the reason rather than skipping it: a skipped scenario proves nothing there.
     */
    private static ElasticsearchServer stoppableElasticsearch() {
        ElasticsearchServer elasticsearch = Infrastructure.shared().localElasticsearch();
        if (elasticsearch == null) {
            fail("This scenario stops Elasticsearch, so it needs an Elasticsearch this JVM started, not the "
                    + Infrastructure.shared() + ": " + LOCAL_STACK_ONLY);
        }
        return elasticsearch;
    }

    private TopicLoad startLoad(TestInfo test, int records) {
        name(test);
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
        System.out.printf("%s: %d records acknowledged (%d sends failed and were made again), %d ids indexed at their "
                + "newest version (%d deleted)%n", scenario, load.acknowledged(), load.failures(), expected.size(),
                expected.values().stream().filter(IndexedState.Entry::deleted).count());
    }

    private void name(TestInfo test) {
        scenario = "rs-" + test.getTestMethod().orElseThrow().getName().toLowerCase().substring(0, 20)
                + "-" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    private ServiceProcess startIndexer() throws IOException {
        return startIndexer(scenario);
    }

    /** An indexer on the named scenario's topics and indices, in a consumer group of that name. */
    private ServiceProcess startIndexer(String name) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "resilience-logs"));
        ServiceProcess indexer = ServiceProcess.start("index-service-" + name + "-" + indexers.size(),
                Path.of(System.getProperty("pipeline.index.jar")), RunningServices.as(PipelineService.INDEX, Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", Infrastructure.shared().kafkaBootstrapServers(),
                        "CONTENT_TOPICS_ARTICLES", topic(name),
                        "CONTENT_TOPICS_COUNTRIES", name + ".countries",
                        "CONTENT_ALIASES_ARTICLES", alias(name),
                        "CONTENT_ALIASES_COUNTRIES", name + "-countries",
                        "SPRING_KAFKA_CONSUMER_GROUP_ID", name,
                        "INDEX_RETRY_MAXINTERVAL", RETRY_AT_MOST.toString(),
                        "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", Long.toString(SESSION_TIMEOUT.toMillis()),
                        "JAVA_TOOL_OPTIONS", QUICK_START)),
                logs);
        indexers.add(indexer);
        indexer.awaitHealthy(Duration.ofSeconds(120));
        return indexer;
    }

    private static byte[] outageArticle(String id, long version) {
        return ("{\"id\":\"" + id + "\",\"title\":\"Written in an outage\",\"body\":\"Waits for Elasticsearch.\","
                + "\"countries\":[\"CN\"],\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":" + version + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private int expectedIds() {
        return Math.max(1, RECORDS / 5);
    }

    private String topic() {
        return topic(scenario);
    }

    private static String topic(String name) {
        return name + ".articles";
    }

    private String alias() {
        return alias(scenario);
    }

    private static String alias(String name) {
        return name + "-articles";
    }

    private static ElasticsearchAccess elasticsearch() {
        return Infrastructure.shared().elasticsearch();
    }
}
