package dev.contentpipeline.index.indexing;

import dev.contentpipeline.index.IndexServiceUnderTest;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A rebalance in the middle of a batch's retries that gives the batch's partition back to the same consumer: a second
 * member joins while the indexer (one consumer) retries a batch holding a poison record, and the range assignor hands
 * the indexer its partitions again (the joiner's client id sorts after the indexer's). The consumer now reads the
 * partition from the last commit, before the batch, so once the writes succeed the batch is written, committed and
 * polled once more. Its poison record must still reach the dead-letter topic once. Elasticsearch is the real one; only
 * the writer is made to fail, as it does when Elasticsearch is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartitionRegainedDuringRetryIntegrationTests {

    private static final String ARTICLES = "it-regain.articles";
    private static final String COUNTRIES = "it-regain.countries";
    private static final String GROUP = "it-regain";
    private static final TopicPartition KEPT = new TopicPartition(ARTICLES, 0);
    /** Sorts after the indexer's client id, so that the range assignor leaves partition 0 of each topic to it. */
    private static final String JOINER = "z-joiner";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        new IndexServiceUnderTest(ARTICLES, COUNTRIES, "it-regain-articles", "it-regain-countries", GROUP,
                "operator-key-for-regain-tests").register(registry);
        registry.add("spring.kafka.listener.concurrency", () -> "1");
        // Back-offs of 3 to 9 s, and heartbeats that learn of a rebalance within 200 ms: the joiner's rebalance ends
        // well inside the back-off after the failed attempt it follows.
        registry.add("index.retry.initial-interval", () -> "6s");
        registry.add("index.retry.max-interval", () -> "6s");
        registry.add("spring.kafka.consumer.heartbeat-interval", () -> "200ms");
    }

    @MockitoSpyBean
    BatchWriter writer;

    @Autowired
    MeterRegistry meters;

    @Test
    void aBatchWhosePartitionIsGivenBackDuringItsRetriesDeadLettersItsPoisonOnceThoughPolledAgain() throws Exception {
        AtomicBoolean elasticsearchDown = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        doAnswer(call -> {
            if (elasticsearchDown.get()) {
                failures.incrementAndGet();
                throw new RetryableIndexingException("Elasticsearch is down (made so by the test)", null);
            }
            writes.incrementAndGet();
            return call.callRealMethod();
        }).when(writer).write(any(), any());

        try (KafkaProducer<String, byte[]> producer = IndexServiceUnderTest.producer()) {
            producer.send(new ProducerRecord<>(ARTICLES, 0, "regain-poison",
                    "not json at all".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(ARTICLES, 0, "regain-article", article("regain-article"))).get();
        }
        // Right after a failed retry, so that the rebalance falls inside the back-off that follows it.
        await().atMost(Duration.ofSeconds(30)).until(() -> failures.get() >= 2);
        int failed = failures.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> failures.get() > failed);

        try (SecondMember joiner = SecondMember.join(GROUP, JOINER, List.of(ARTICLES, COUNTRIES));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     Infrastructure.shared().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !joiner.assignment().isEmpty() && indexerHolds(admin, KEPT));
            elasticsearchDown.set(false);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(committed()).isNotNull().extracting(OffsetAndMetadata::offset).isEqualTo(2L);
                assertThat(writes.get()).as("writes of the batch: its retry, then the same records polled again")
                        .isGreaterThanOrEqualTo(2);
            });
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(deadLetters()).extracting(ConsumerRecord::key).containsExactly("regain-poison"));
            assertThat(meters.counter("pipeline.index.batches.revoked").count())
                    .as("batches given up (the partition was never another member's)").isZero();
        }
    }

    /** Whether the group is stable with the indexer's member (not the joiner) holding the partition. */
    private static boolean indexerHolds(Admin admin, TopicPartition partition) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).describedGroups().get(GROUP)
                .get();
        return group.members().size() == 2 && group.members().stream()
                .filter(member -> !member.clientId().equals(JOINER))
                .map(MemberDescription::assignment)
                .anyMatch(assignment -> assignment.topicPartitions().contains(partition));
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TopicReader.readAll(ARTICLES + ".DLT");
    }

    private static OffsetAndMetadata committed() throws Exception {
        return ConsumerLag.committed(GROUP, KEPT);
    }

    private static byte[] article(String id) {
        return ("{\"id\":\"" + id + "\",\"title\":\"Regained\",\"body\":\"Polled again after its retry.\","
                + "\"countries\":[\"CN\"],\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":1}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
