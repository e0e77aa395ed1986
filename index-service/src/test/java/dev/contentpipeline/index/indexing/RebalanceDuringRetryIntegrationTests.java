package dev.contentpipeline.index.indexing;

import dev.contentpipeline.index.IndexServiceUnderTest;
import dev.contentpipeline.localstack.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A rebalance in the middle of a batch's retries, made on purpose: the indexer (one consumer) retries a batch holding a
 * poison record while its writes fail, a second member joins the group and takes the batch's partition, and the
 * writes succeed again. The old owner must give the batch up, neither dead-lettering its poison record nor committing
 * its offsets, and the poison record is dead-lettered once in all, by whoever owns the partition when it is read.
 * Elasticsearch is the real one; only the writer is made to fail, as it does when Elasticsearch is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebalanceDuringRetryIntegrationTests {

    private static final String ARTICLES = "it-revoke.articles";
    private static final String GROUP = "it-revoke";
    private static final TopicPartition TAKEN = new TopicPartition(ARTICLES, 0);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        new IndexServiceUnderTest(ARTICLES, "it-revoke.countries", "it-revoke-articles", "it-revoke-countries", GROUP,
                "operator-key-for-revoke-tests").register(registry);
        registry.add("spring.kafka.listener.concurrency", () -> "1");
        registry.add("index.retry.initial-interval", () -> "200ms");
        registry.add("index.retry.max-interval", () -> "500ms");
    }

    @MockitoSpyBean
    BatchWriter writer;

    @Autowired
    MeterRegistry meters;

    @Test
    void aBatchWhosePartitionIsTakenDuringItsRetriesIsGivenUpAndItsPoisonDeadLetteredOnce() throws Exception {
        AtomicBoolean elasticsearchDown = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(call -> {
            attempts.incrementAndGet();
            if (elasticsearchDown.get()) {
                throw new RetryableIndexingException("Elasticsearch is down (made so by the test)", null);
            }
            return call.callRealMethod();
        }).when(writer).write(any(), any());

        try (KafkaProducer<String, byte[]> producer = IndexServiceUnderTest.producer()) {
            producer.send(new ProducerRecord<>(ARTICLES, 0, "revoke-poison",
                    "not json at all".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(ARTICLES, 0, "revoke-article", article("revoke-article"))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 3);

        // Its client id sorts before the indexer's: the range assignor gives it partition 0 of each topic.
        try (SecondMember intruder = SecondMember.join(GROUP, "0-intruder", List.of(ARTICLES, "it-revoke.countries"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> intruder.assignment().contains(TAKEN));
            elasticsearchDown.set(false);
            // A batch still retried by the old owner would be written, dead-lettered and committed within one
            // back-off (at most 500 ms here).
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(deadLetters()).extracting(ConsumerRecord::key)
                        .as("dead letters while the partition is another member's").isEmpty();
                assertThat(committed()).as("offset committed for the taken partition").isNull();
            });
            assertThat(meters.counter("pipeline.index.batches.revoked").count()).as("batches given up").isEqualTo(1);
        }

        // The second member left without committing: the partition comes back, and is read from the start.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(committed()).isNotNull().extracting(OffsetAndMetadata::offset).isEqualTo(2L);
            assertThat(deadLetters()).extracting(ConsumerRecord::key).containsExactly("revoke-poison");
        });
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters() {
        return TopicReader.readAll(ARTICLES + ".DLT");
    }

    private static OffsetAndMetadata committed() throws Exception {
        return ConsumerLag.committed(GROUP, TAKEN);
    }

    private static byte[] article(String id) {
        return ("{\"id\":\"" + id + "\",\"title\":\"Rebalanced\",\"body\":\"Read by its partition's owner.\","
                + "\"countries\":[\"CN\"],\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":1}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
