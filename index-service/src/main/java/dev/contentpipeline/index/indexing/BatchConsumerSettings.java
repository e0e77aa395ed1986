package dev.contentpipeline.index.indexing;

import dev.contentpipeline.index.IndexProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Batch size, bytes and linger from {@code index.batch}: a poll returns at most {@code maxRecords} records and
 * about {@code maxBytes}, and waits up to {@code linger} for a fuller batch. One poll is one bulk request.
 */
@Configuration(proxyBeanMethods = false)
class BatchConsumerSettings {

    @Bean
    DefaultKafkaConsumerFactoryCustomizer batchSettings(IndexProperties properties) {
        IndexProperties.Batch batch = properties.batch();
        int maxBytes = (int) Math.min(Integer.MAX_VALUE, batch.maxBytes().toBytes());
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batch.maxRecords(),
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, maxBytes,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxBytes,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) batch.linger().toMillis(),
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1));
    }
}
