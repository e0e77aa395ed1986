package dev.contentpipeline.index.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a batch's poison records (not JSON, invalid, refused by the mapping) to their dead-letter topics, once each.
 * The listener hands them over last, when everything else the batch needed has succeeded, so a batch retried because
 * Elasticsearch was down has sent none yet. The records sent are remembered until a later batch of their partition
 * starts beyond them, so that the same records polled again do not go twice: a batch retried because the broker
 * failed half-way through sending them, or one that succeeded after its partition was lost and given back to this
 * consumer during its retries (the consumer then reads the partition again from the last commit, before the batch).
 */
@Component
class DeadLetterSender {

    /** A record that can never be indexed, and why. */
    record Letter(ConsumerRecord<String, byte[]> record, Exception reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final Counter deadLettered;
    /** Where the letters sent lie, until their partitions' batches start beyond them; the consumers share it. */
    private final Set<Position> sent = ConcurrentHashMap.newKeySet();

    DeadLetterSender(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters) {
        this.recoverer = recoverer;
        this.deadLettered = meters.counter("pipeline.index.items", "outcome", "dead_lettered");
    }

    /**
     * Sends each letter of the batch not sent already, from this batch or an earlier poll of the same records; throws
     * if the broker refuses one.
     */
    void send(List<Letter> letters, List<? extends ConsumerRecord<?, ?>> batch, Consumer<?, ?> consumer) {
        forgetPassed(batch);
        for (Letter letter : letters) {
            ConsumerRecord<String, byte[]> record = letter.record();
            Position position = Position.of(record);
            if (sent.contains(position)) {
                log.info("Not dead-lettering {} again (key {}): sent when these records were polled before", position,
                        record.key());
                continue;
            }
            log.warn("Dead-lettering {} (key {}, request-id {}): {}", position, record.key(),
                    IndexWriteMapper.requestId(record), letter.reason().getMessage());
            recoverer.accept(record, consumer, letter.reason());
            sent.add(position);
            deadLettered.increment();
        }
    }

    /** Forgets the letters before the batch's first record of their partition: that part was committed. */
    private void forgetPassed(List<? extends ConsumerRecord<?, ?>> batch) {
        if (sent.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> starts = new HashMap<>();
        batch.forEach(record -> starts.merge(new TopicPartition(record.topic(), record.partition()), record.offset(),
                Math::min));
        sent.removeIf(position -> position.offset() < starts.getOrDefault(position.partition(), Long.MIN_VALUE));
    }

    /** A record's place in its topic. */
    private record Position(TopicPartition partition, long offset) {

        static Position of(ConsumerRecord<?, ?> record) {
            return new Position(new TopicPartition(record.topic(), record.partition()), record.offset());
        }

        @Override
        public String toString() {
            return partition + "@" + offset;
        }
    }
}
