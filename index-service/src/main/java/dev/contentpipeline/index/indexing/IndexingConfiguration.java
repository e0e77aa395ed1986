package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
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
                                                                 ContentNames names) {
        return new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(names.topics().deadLetters(record.topic()), -1));
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
