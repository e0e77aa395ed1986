package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.ingest.IngestProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Map;

/** The content topics, compacted so each id keeps its latest record and its tombstone; the producer's bounds. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    KafkaAdmin.NewTopics contentTopics(IngestProperties properties) {
        return new KafkaAdmin.NewTopics(
                contentTopic(properties.topics().articles(), properties.partitions()),
                contentTopic(properties.topics().countries(), properties.partitions()));
    }

    /**
     * The producer gives up about when the request does: it blocks (for metadata or buffer space) no longer than
     * the publish timeout, and retries a delivery no longer than the longer of the two timeouts, so a 503 is
     * seldom followed by a late write nobody waits for (and when it is, writes are idempotent by id).
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedDelivery(IngestProperties properties) {
        long single = properties.publishTimeout().toMillis();
        long longest = Math.max(single, properties.bulkPublishTimeout().toMillis());
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(single),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(single),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(longest)));
    }

    /** For the readiness check only; publishing goes through the template's producer. */
    @Bean(destroyMethod = "close")
    Admin brokerAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    private static NewTopic contentTopic(String name, int partitions) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
