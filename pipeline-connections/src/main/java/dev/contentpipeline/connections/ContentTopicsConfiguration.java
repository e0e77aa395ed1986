package dev.contentpipeline.connections;

import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The content topics, declared wherever a service talks to Kafka, so that whichever starts first creates them
 * compacted (keyed by id, the newest record per id kept) rather than leaving them to the broker's
 * auto-creation. Replicas follow the broker's default replication factor.
 */
@AutoConfiguration(after = ElasticsearchConfiguration.class)
@ConditionalOnClass(KafkaAdmin.class)
class ContentTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics contentTopics(ContentNames names) {
        ContentNames.Topics topics = names.topics();
        return new KafkaAdmin.NewTopics(compacted(topics.articles(), topics.partitions()),
                compacted(topics.countries(), topics.partitions()));
    }

    private static org.apache.kafka.clients.admin.NewTopic compacted(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions)
            .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }
}
