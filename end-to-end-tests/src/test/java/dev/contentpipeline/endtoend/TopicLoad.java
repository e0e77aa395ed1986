package dev.contentpipeline.endtoend;

import dev.contentpipeline.model.ContentHeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic load straight onto an articles topic: {@code records} writes spread over {@code records / 5}
 * ids, each id's versions increasing, about one write in twelve a tombstone. Only what the broker acknowledged
 * (acks=all, idempotent) counts in {@link #expected()}: the newest acknowledged version of each id. A write the
 * producer gives up on (a delivery timeout on a loaded machine, say) is sent again, as a publisher would, up to
 * {@link #ATTEMPTS} times, and each failure is printed with its cause: the scenarios are about the indexer, not
 * about a producer's bad luck. A write sent again may land after a newer version of its id, which the indexer
 * must refuse (external versions), so the retry is a scenario of its own, not a shortcut.
 */
final class TopicLoad implements Runnable {

    private final String bootstrapServers;
    private final String topic;
    private final int records;
    private final Map<String, IndexedState.Entry> expected = new ConcurrentHashMap<>();
    private static final int ATTEMPTS = 3;

    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean done;

    TopicLoad(String bootstrapServers, String topic, int records) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.records = records;
    }

    @Override
    public void run() {
        createCompactedTopic();
        Random random = new Random(42);
        int ids = Math.max(1, records / 5);
        long[] versions = new long[ids];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                int n = random.nextInt(ids);
                String id = "load-" + n;
                long version = ++versions[n];
                boolean delete = random.nextInt(12) == 0;
                byte[] value = delete ? null : ("{\"id\":\"" + id + "\",\"title\":\"Load " + n + " v" + version
                        + "\",\"body\":\"" + "word ".repeat(40 + random.nextInt(200)) + "\",\"countries\":[\"CN\"],"
                        + "\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":" + version + "}")
                        .getBytes(StandardCharsets.UTF_8);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, id, value);
                record.headers().add(ContentHeaders.VERSION, Long.toString(version).getBytes(StandardCharsets.UTF_8));
                send(producer, record, version, delete, 1);
            }
            // flush() returns once every callback of the sends before it has run, so the failed ones are queued.
            producer.flush();
            for (Failed failed; (failed = retries.poll()) != null; ) {
                send(producer, failed.record(), failed.version(), failed.delete(), failed.attempt() + 1);
                producer.flush();
            }
        } catch (Exception e) {
            throw new IllegalStateException("load on " + topic + " failed", e);
        } finally {
            done = true;
        }
    }

    /**
     * The topic as the services declare theirs (compacted, three partitions), before the first write: left to the
     * broker's auto-creation, the idempotent producer's first batches raced the new partitions' leaders, the broker
     * answered OutOfOrderSequenceException for a minute and the batches expired after the 120 s delivery timeout.
     */
    private void createCompactedTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(3), Optional.empty()).configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        }
    }

    /** A write the producer gave up on, to be sent again by the loading thread (never from a callback). */
    private record Failed(ProducerRecord<String, byte[]> record, long version, boolean delete, int attempt) {
    }

    private final Queue<Failed> retries = new ConcurrentLinkedQueue<>();

    private void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record, long version,
            boolean delete, int attempt) {
        producer.send(record, (metadata, error) -> {
            if (error == null) {
                expected.merge(record.key(), new IndexedState.Entry(version, delete),
                        (a, b) -> a.version() >= b.version() ? a : b);
                acknowledged.incrementAndGet();
            } else {
                failures.incrementAndGet();
                System.out.printf("%s: write %s v%d failed on attempt %d of %d: %s%n", topic, record.key(), version,
                        attempt, ATTEMPTS, error);
                if (attempt < ATTEMPTS) {
                    retries.add(new Failed(record, version, delete, attempt));
                }
            }
        });
    }

    boolean done() {
        return done;
    }

    /** Sends that failed, each attempt counted. */
    int failures() {
        return failures.get();
    }

    int acknowledged() {
        return acknowledged.get();
    }

    Map<String, IndexedState.Entry> expected() {
        return Map.copyOf(expected);
    }
}
