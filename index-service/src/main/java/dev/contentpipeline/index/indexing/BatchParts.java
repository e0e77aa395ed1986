package dev.contentpipeline.index.indexing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * How one poll's records are cut into bulk requests written at once: a part for each full batch the poll holds (by
 * bytes or by records), at most {@code most}, so that a trickle of single writes stays one bulk request, which
 * Elasticsearch pays for once, and a backlog keeps up to {@code most} requests in flight. The records are cut in
 * the order polled (partition by partition) into parts of about the same bytes, so each partition's records stay in
 * their order: a partition may span two parts, and two versions of a document may then be written at once, which the
 * external versions settle as they do a redelivery (the newer stays, the older is refused as superseded).
 */
final class BatchParts {

    private BatchParts() {
    }

    static <R extends ConsumerRecord<?, ?>> List<List<R>> split(List<R> records, int most, long batchBytes,
                                                                int batchRecords) {
        long bytes = 0;
        for (R record : records) {
            bytes += bytes(record);
        }
        long batches = Math.max(ceilingOf(bytes, batchBytes), ceilingOf(records.size(), batchRecords));
        int count = (int) Math.min(Math.min(most, records.size()), batches);
        if (count <= 1) {
            return List.of(records);
        }
        List<List<R>> parts = new ArrayList<>(count);
        List<R> part = new ArrayList<>();
        long cut = ceilingOf(bytes, count);
        long taken = 0;
        for (R record : records) {
            part.add(record);
            taken += bytes(record);
            if (taken >= cut * (parts.size() + 1) && parts.size() < count - 1) {
                parts.add(part);
                part = new ArrayList<>();
            }
        }
        if (!part.isEmpty()) {
            parts.add(part);
        }
        return parts;
    }

    private static long bytes(ConsumerRecord<?, ?> record) {
        return Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
    }

    private static long ceilingOf(long amount, long per) {
        return (amount + per - 1) / per;
    }
}
