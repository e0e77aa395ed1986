package dev.contentpipeline.index.indexing;

import dev.contentpipeline.index.IndexProperties;
import dev.contentpipeline.model.InvalidContentException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener's failure path. Permanent failures (invalid records, mapping rejections) are dead-lettered by
 * the listener itself, item by item. Everything that reaches the error handler is passing (Elasticsearch
 * overloaded or down): it is retried with exponential back-off and jitter, without a limit, so nothing
 * acknowledged is ever skipped; the back-off is bounded by its maximum interval.
 */
@Configuration(proxyBeanMethods = false)
class IndexingConfiguration {

    @Bean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaOperations<?, ?> kafka,
                                                                 IndexProperties properties) {
        return new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(record.topic() + properties.deadLetterSuffix(), -1));
    }

    @Bean
    DefaultErrorHandler contentErrorHandler(DeadLetterPublishingRecoverer recoverer, IndexProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        backOff.setJitter(properties.retry().initialInterval().toMillis() / 2);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidContentException.class, IndexRejectedException.class);
        return handler;
    }

    /**
     * The content topics too (compacted, as ingest declares them), so that an indexer started first does not
     * leave them to the broker's auto-creation; and their dead-letter topics.
     */
    @Bean
    KafkaAdmin.NewTopics indexedTopics(IndexProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(properties.topics().articles()).partitions(properties.partitions()).replicas(1)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                TopicBuilder.name(properties.topics().countries()).partitions(properties.partitions()).replicas(1)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build(),
                TopicBuilder.name(properties.topics().articles() + properties.deadLetterSuffix())
                        .partitions(properties.partitions()).replicas(1).build(),
                TopicBuilder.name(properties.topics().countries() + properties.deadLetterSuffix())
                        .partitions(properties.partitions()).replicas(1).build());
    }
}
