package dev.contentpipeline.index.indexing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPartsTests {

    private long offset;

    @Test
    void aTrickleStaysOneBulkRequestWhateverItsPartitions() {
        List<ConsumerRecord<String, byte[]>> records = List.of(record("a", 0, 300), record("a", 1, 300),
                record("a", 2, 300), record("c", 0, 100));

        assertThat(BatchParts.split(records, 3, 1_000_000, 1000)).containsExactly(records);
    }

    @Test
    void aBacklogGoesInOnePartPerFullBatchAtMostOfAboutTheSameBytesEachPartitionInOrder() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(record("a", i % 3, 1_000));
        }
        records.add(record("c", 1, 3_000));

        List<List<ConsumerRecord<String, byte[]>>> parts = BatchParts.split(records, 4, 2_000, 1000);

        assertThat(parts).hasSize(4).allSatisfy(part -> assertThat(bytes(part)).isBetween(3_000L, 4_100L));
        assertThat(parts.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(records);
        for (String partition : records.stream().map(BatchPartsTests::partitionOf).distinct().toList()) {
            assertThat(parts.stream().flatMap(List::stream).filter(record -> partitionOf(record).equals(partition))
                    .toList())
                    .as("%s in order", partition)
                    .isEqualTo(records.stream().filter(record -> partitionOf(record).equals(partition)).toList());
        }
    }

    @Test
    void manySmallRecordsSplitByTheirCountEvenFromOnePartition() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(record("a", 0, 10));
        }

        assertThat(BatchParts.split(records, 3, 1_000_000, 10)).hasSize(3)
                .allSatisfy(part -> assertThat(part).hasSize(10));
        assertThat(BatchParts.split(records, 1, 1_000_000, 10)).containsExactly(records);
    }

    private ConsumerRecord<String, byte[]> record(String topic, int partition, int bytes) {
        return new ConsumerRecord<>(topic, partition, offset++, 0L, TimestampType.CREATE_TIME, 0, bytes, "key",
                new byte[bytes], new RecordHeaders(), Optional.empty());
    }

    private static long bytes(List<ConsumerRecord<String, byte[]>> part) {
        return part.stream().mapToLong(record -> record.serializedKeySize() + record.serializedValueSize()).sum();
    }

    private static String partitionOf(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition();
    }
}
