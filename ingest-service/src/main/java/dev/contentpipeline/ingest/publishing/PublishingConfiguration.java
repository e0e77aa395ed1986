package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.ingest.IngestProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The content topics: compacted, so each id keeps its latest record and its tombstone. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    KafkaAdmin.NewTopics contentTopics(IngestProperties properties) {
        return new KafkaAdmin.NewTopics(
                contentTopic(properties.topics().articles(), properties.partitions()),
                contentTopic(properties.topics().countries(), properties.partitions()));
    }

    private static NewTopic contentTopic(String name, int partitions) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
