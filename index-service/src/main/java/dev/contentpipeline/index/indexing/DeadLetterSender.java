package dev.contentpipeline.index.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sends a batch's poison records (not JSON, invalid, refused by the mapping) to their dead-letter topics, once each.
 * The listener hands them over last, when everything else the batch needed has succeeded, so a batch retried because
 * Elasticsearch was down has sent none yet. The records sent are remembered until a later batch of their partition
 * starts beyond them and {@link #KEEP} has passed since they were sent, so that the same records polled again do not
 * go twice: a batch retried because the broker failed half-way through sending them, or batches read again after
 * their partition was lost and given back to this consumer (the consumer then reads it again from the last commit,
 * which the container makes about once a second, so it may lie a few batches back).
 */
@Component
class DeadLetterSender {

    /** A record that can never be indexed, and why. */
    record Letter(ConsumerRecord<String, byte[]> record, Exception reason) {
    }

    /**
     * How long a letter is remembered at least: longer than the container takes to commit the offsets of the batch
     * that sent it ({@code spring.kafka.listener.ack-time}, 1 s, checked after every poll) with a margin for a slow
     * poll, short enough that a flood of poison records is not held for long.
     */
    static final Duration KEEP = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final Counter deadLettered;
    private final LongSupplier nanoTime;
    /** Where the letters sent lie, and when they were sent (nanoTime); the consumers share it. */
    private final Map<Position, Long> sent = new ConcurrentHashMap<>();

    @Autowired
    DeadLetterSender(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters) {
        this(recoverer, meters, System::nanoTime);
    }

    DeadLetterSender(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters, LongSupplier nanoTime) {
        this.recoverer = recoverer;
        this.deadLettered = meters.counter("pipeline.index.items", "outcome", "dead_lettered");
        this.nanoTime = nanoTime;
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
            if (sent.containsKey(position)) {
                log.info("Not dead-lettering {} again (key {}): sent when these records were polled before", position,
                        record.key());
                continue;
            }
            log.warn("Dead-lettering {} (key {}, request-id {}): {}", position, record.key(),
                    IndexWriteMapper.requestId(record), letter.reason().getMessage());
            recoverer.accept(record, consumer, letter.reason());
            sent.put(position, nanoTime.getAsLong());
            deadLettered.increment();
        }
    }

    /**
     * Forgets the letters before the batch's first record of their partition that were sent over {@link #KEEP} ago:
     * that part is committed.
     */
    private void forgetPassed(List<? extends ConsumerRecord<?, ?>> batch) {
        if (sent.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> starts = new HashMap<>();
        batch.forEach(record -> starts.merge(new TopicPartition(record.topic(), record.partition()), record.offset(),
                Math::min));
        long now = nanoTime.getAsLong();
        sent.entrySet().removeIf(letter -> now - letter.getValue() > KEEP.toNanos() && letter.getKey().offset()
                < starts.getOrDefault(letter.getKey().partition(), Long.MIN_VALUE));
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
