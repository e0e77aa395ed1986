package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.index.IndexProperties;
import dev.contentpipeline.model.InvalidContentException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener's failure path. Permanent failures (invalid records, mapping rejections) are dead-lettered by
 * the listener itself, item by item, once the rest of the batch is written. Everything that reaches the error
 * handler is passing (Elasticsearch overloaded or down, the broker refusing a dead letter): the batch is retried
 * with exponential back-off and jitter, without a limit, so nothing acknowledged is ever skipped; the back-off is
 * bounded by its maximum interval. Each failed attempt is logged, as the handler itself says nothing above debug. A
 * batch whose partitions a rebalance took away during the retries is given up (see {@link RevocationAwareErrorHandler}).
 */
@Configuration(proxyBeanMethods = false)
class IndexingConfiguration {

    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaOperations<?, ?> kafka,
                                                                 ContentNames names) {
        return new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(names.topics().deadLetters(record.topic()), -1));
    }

    @Bean
    DefaultErrorHandler contentErrorHandler(DeadLetterPublishingRecoverer recoverer, IndexProperties properties,
                                            MeterRegistry meters) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        backOff.setJitter(properties.retry().initialInterval().toMillis() / 2);
        DefaultErrorHandler handler = new RevocationAwareErrorHandler(recoverer, backOff, meters);
        handler.addNotRetryableExceptions(InvalidContentException.class, IndexRejectedException.class);
        handler.setRetryListeners(new FailedAttemptLog());
        return handler;
    }

    private static final class FailedAttemptLog implements RetryListener {

        private static final Logger log = LoggerFactory.getLogger(IndexingConfiguration.class);

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
            log.warn("Record {}-{}@{} failed (attempt {}), to be retried after a back-off: {}", record.topic(),
                    record.partition(), record.offset(), attempt, reason(e));
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception e, int attempt) {
            log.warn("Batch of {} records from {} failed (attempt {}), to be retried after a back-off: {}",
                    records.count(), records.partitions(), attempt, reason(e));
        }

        /** The indexer's own explanation where there is one, not the listener container's wrapper around it. */
        private static String reason(Throwable e) {
            Throwable reason = e;
            while (!(reason instanceof RetryableIndexingException) && reason.getCause() != null) {
                reason = reason.getCause();
            }
            return (reason instanceof RetryableIndexingException ? reason : e).getMessage();
        }
    }

    /**
     * The dead-letter topics (pipeline-connections declares the content topics), and the compacted ledger of
     * re-drives.
     */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(ContentNames names, IndexProperties properties) {
        ContentNames.Topics topics = names.topics();
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(topics.deadLetters(topics.articles())).partitions(topics.partitions()).build(),
                TopicBuilder.name(topics.deadLetters(topics.countries())).partitions(topics.partitions()).build(),
                TopicBuilder.name(properties.deadLetters().ledgerTopic()).partitions(1)
                    .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build());
    }
}
