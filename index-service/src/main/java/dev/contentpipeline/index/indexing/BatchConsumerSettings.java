package dev.contentpipeline.index.indexing;

import dev.contentpipeline.index.IndexProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.Map;
import java.util.Properties;

/**
 * Batch size, bytes and linger from {@code index.batch}: a poll returns at most {@code maxRecords} records and
 * about {@code maxBytes}, one bulk request's worth. The listener's consumer polls up to {@code bulksInFlight} such
 * batches at once (from one partition or several), written in as many bulk requests, and asks the broker to
 * hold each fetch until it has {@code minBytes} or {@code linger} ran out, so that a trickle of writes makes fuller
 * batches; the other consumers (dead letters, rebuilds) read to the end of a topic and must not wait at it.
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

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> fullerBatches(
            IndexProperties properties) {
        IndexProperties.Batch batch = properties.batch();
        int bulks = batch.bulksInFlight();
        Properties fetch = new Properties();
        fetch.setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                Long.toString(Math.min(batch.minBytes().toBytes(), batch.maxBytes().toBytes())));
        fetch.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Long.toString((long) batch.maxRecords() * bulks));
        String pollBytes = Long.toString(Math.min(Integer.MAX_VALUE, batch.maxBytes().toBytes() * bulks));
        fetch.setProperty(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, pollBytes);
        fetch.setProperty(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, pollBytes);
        return container -> container.getContainerProperties().setKafkaConsumerProperties(fetch);
    }
}
