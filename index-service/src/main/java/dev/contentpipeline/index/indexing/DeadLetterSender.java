package dev.contentpipeline.index.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends a batch's poison records (not JSON, invalid, refused by the mapping) to their dead-letter topics, once each.
 * The listener hands them over last, when everything else the batch needed has succeeded, so a batch retried because
 * Elasticsearch was down has sent none yet. And the records sent are remembered until all of the batch's are, so a
 * batch retried because the broker failed half-way through sending them does not send the first ones twice.
 */
@Component
class DeadLetterSender {

    /** A record that can never be indexed, and why. */
    record Letter(ConsumerRecord<String, byte[]> record, Exception reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final Counter deadLettered;
    /** topic-partition@offset of the letters sent for batches not through yet; the consumers' threads share it. */
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    DeadLetterSender(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters) {
        this.recoverer = recoverer;
        this.deadLettered = meters.counter("pipeline.index.items", "outcome", "dead_lettered");
    }

    /** Sends each letter not sent by an earlier attempt at the same batch; throws if the broker refuses one. */
    void send(List<Letter> letters, Consumer<?, ?> consumer) {
        for (Letter letter : letters) {
            ConsumerRecord<String, byte[]> record = letter.record();
            if (sent.contains(position(record))) {
                continue;
            }
            log.warn("Dead-lettering {}-{}@{} (key {}, request-id {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), IndexWriteMapper.requestId(record), letter.reason().getMessage());
            recoverer.accept(record, consumer, letter.reason());
            sent.add(position(record));
            deadLettered.increment();
        }
        // All sent: the batch's offsets are committed next, and its records do not come back.
        letters.forEach(letter -> sent.remove(position(letter.record())));
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
