package dev.contentpipeline.index.indexing;

import dev.contentpipeline.localstack.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A second member of an indexer's consumer group, which polls on its own thread and never commits: it makes a
 * rebalance on purpose. The range assignor orders members by their ids, which start with the client id, so the client
 * id decides whether it takes partition 0 of each topic (an id sorting before the indexer's) or leaves it (after).
 */
final class SecondMember implements AutoCloseable {

    private final AtomicReference<Set<TopicPartition>> assignment = new AtomicReference<>(Set.of());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private SecondMember(String group, String clientId, List<String> topics) {
        thread = new Thread(() -> poll(group, clientId, topics), clientId);
        thread.setDaemon(true);
    }

    static SecondMember join(String group, String clientId, List<String> topics) {
        SecondMember member = new SecondMember(group, clientId, topics);
        member.thread.start();
        return member;
    }

    Set<TopicPartition> assignment() {
        return assignment.get();
    }

    private void poll(String group, String clientId, List<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (running.get()) {
                consumer.poll(Duration.ofMillis(100));
                assignment.set(Set.copyOf(consumer.assignment()));
            }
        }
    }

    /** Leaves the group. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
    }
}
