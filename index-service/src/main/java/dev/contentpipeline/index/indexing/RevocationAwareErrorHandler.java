package dev.contentpipeline.index.indexing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

import java.util.HashSet;
import java.util.Set;

/**
 * The default error handler, less one of its habits: it retries a failed batch in memory, polling between attempts,
 * and a poll may take some of the batch's partitions away (another member joined the group, or this one was late).
 * It would go on trying the whole batch, and once Elasticsearch took it, dead-letter its poison records and commit
 * its offsets, while the partitions' new owner reads the same records from the last commit and does the same: every
 * poison record twice. Here an attempt starts only while this consumer still owns every partition of the batch
 * (no poll happens during an attempt, so none can be taken away in it). Otherwise the batch is given up, unwritten and
 * uncommitted: the new owner has its records, and those of the partitions still held are sought back, to be polled
 * again.
 */
class RevocationAwareErrorHandler extends DefaultErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(RevocationAwareErrorHandler.class);

    private final Counter givenUp;

    RevocationAwareErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff, MeterRegistry meters) {
        super(recoverer, backOff);
        this.givenUp = meters.counter("pipeline.index.batches.revoked");
    }

    @Override
    public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                            MessageListenerContainer container, Runnable invokeListener) {
        Attempts attempts = new Attempts(data, consumer, invokeListener);
        super.handleBatch(thrownException, data, consumer, container, attempts);
        attempts.giveUpIfRevoked();
    }

    @Override
    public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrownException,
            ConsumerRecords<?, ?> data, Consumer<?, ?> consumer, MessageListenerContainer container,
            Runnable invokeListener) {
        Attempts attempts = new Attempts(data, consumer, invokeListener);
        ConsumerRecords<K, V> remaining = super.handleBatchAndReturnRemaining(thrownException, data, consumer,
                container, attempts);
        attempts.giveUpIfRevoked();
        return remaining;
    }

    /** The listener, called only while the consumer owns all of the batch's partitions. */
    private final class Attempts implements Runnable {

        private final ConsumerRecords<?, ?> batch;
        private final Consumer<?, ?> consumer;
        private final Runnable listener;
        private Set<TopicPartition> revoked = Set.of();

        Attempts(ConsumerRecords<?, ?> batch, Consumer<?, ?> consumer, Runnable listener) {
            this.batch = batch;
            this.consumer = consumer;
            this.listener = listener;
        }

        /** Ends the retries as a success would, so that the handler stops; {@link #giveUpIfRevoked} undoes that. */
        @Override
        public void run() {
            Set<TopicPartition> lost = new HashSet<>(batch.partitions());
            lost.removeAll(consumer.assignment());
            if (!lost.isEmpty()) {
                revoked = lost;
                return;
            }
            listener.run();
        }

        /**
         * Rewinds the partitions still held to the batch's first records and throws, so that the container commits
         * nothing for the batch.
         */
        void giveUpIfRevoked() {
            if (revoked.isEmpty()) {
                return;
            }
            Set<TopicPartition> kept = new HashSet<>(batch.partitions());
            kept.removeAll(revoked);
            kept.forEach(partition -> consumer.seek(partition, batch.records(partition).get(0).offset()));
            givenUp.increment();
            log.warn("Batch of {} records given up, unwritten: {} now belong to another consumer of the group, "
                    + "which reads them from the last commit; {} will be polled again", batch.count(), revoked,
                    kept.isEmpty() ? "nothing else" : kept);
            throw new KafkaException("Partitions " + revoked + " revoked while their batch was retried",
                    KafkaException.Level.DEBUG, null);
        }
    }
}
