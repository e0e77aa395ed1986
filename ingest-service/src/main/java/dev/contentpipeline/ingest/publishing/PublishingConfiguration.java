package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.ingest.IngestProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Map;

/** The producer's bounds, and an admin client for the readiness check (the content topics are declared by pipeline-connections). */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

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
}
