package dev.contentpipeline.endtoend;

import dev.contentpipeline.model.ContentHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic load straight onto an articles topic: {@code records} writes spread over {@code records / 5}
 * ids, each id's versions increasing, about one write in twelve a tombstone. Only what the broker acknowledged
 * (acks=all, idempotent) counts in {@link #expected()}: the newest acknowledged version of each id.
 */
final class TopicLoad implements Runnable {

    private final String bootstrapServers;
    private final String topic;
    private final int records;
    private final Map<String, IndexedState.Entry> expected = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile boolean done;

    TopicLoad(String bootstrapServers, String topic, int records) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.records = records;
    }

    @Override
    public void run() {
        Random random = new Random(42);
        int ids = Math.max(1, records / 5);
        long[] versions = new long[ids];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            Future<?> last = null;
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
                last = producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        expected.merge(id, new IndexedState.Entry(version, delete),
                                (a, b) -> a.version() >= b.version() ? a : b);
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            if (last != null) {
                last.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("load on " + topic + " failed", e);
        } finally {
            done = true;
        }
    }

    boolean done() {
        return done;
    }

    int acknowledged() {
        return acknowledged.get();
    }

    Map<String, IndexedState.Entry> expected() {
        return Map.copyOf(expected);
    }
}
