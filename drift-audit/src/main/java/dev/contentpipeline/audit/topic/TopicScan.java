package dev.contentpipeline.audit.topic;

import dev.contentpipeline.audit.sort.ExternalSort;
import dev.contentpipeline.model.InvalidContentException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic from its beginning up to the end offsets it had when the scan began, and adds an entry per
 * indexable record to an external sort. Records published after that moment belong to the next audit.
 *
 * @param records records read
 * @param unindexable records the indexer dead-letters instead of indexing
 * @param firstUnindexable the first few of those, as "id@partition:offset: reason"
 */
public record TopicScan(long records, long unindexable, List<String> firstUnindexable) {

    public static TopicScan read(Consumer<String, byte[]> consumer, String topic, RecordVersions versions,
            ExternalSort<TopicEntry> into, int firstN) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("There is no topic '" + topic + "' on the broker");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        long records = 0;
        long unindexable = 0;
        List<String> first = new ArrayList<>();
        while (!reachedEnds(consumer, ends)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                records++;
                try {
                    into.add(versions.entry(record));
                } catch (InvalidContentException | ArithmeticException e) {
                    unindexable++;
                    if (first.size() < firstN) {
                        first.add(record.key() + "@" + record.partition() + ":" + record.offset() + ": "
                                + e.getMessage());
                    }
                }
            }
        }
        consumer.unsubscribe();
        return new TopicScan(records, unindexable, List.copyOf(first));
    }

    /** True once every partition's position passed its end offset; finished partitions are paused. */
    private static boolean reachedEnds(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        ends.entrySet().removeIf(end -> {
            boolean done = consumer.position(end.getKey(), Duration.ofSeconds(30)) >= end.getValue();
            if (done) {
                consumer.pause(List.of(end.getKey()));
            }
            return done;
        });
        return ends.isEmpty();
    }
}
