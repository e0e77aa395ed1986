package dev.contentpipeline.index;

import dev.contentpipeline.apikeys.ApiKeyFilter;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Map;

/**
 * What every integration test of index-service tells the service: the shared broker and Elasticsearch (with
 * index-service's own user, limited to the test's aliases), the test's own topics, aliases and consumer group, so that
 * test classes never see each other's records, and an operator key (scope {@code admin}) for the management API.
 * A test adds its own settings after {@link #register}.
 */
public record IndexServiceUnderTest(String articles, String countries, String articleAlias, String countryAlias,
                                    String group, String operatorKey) {

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.shared().kafkaBootstrapServers());
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        elasticsearch.properties(elasticsearch.user(PipelineService.INDEX, articleAlias, countryAlias))
            .forEach((name, value) -> registry.add(name, () -> value));
        registry.add("content.topics.articles", this::articles);
        registry.add("content.topics.countries", this::countries);
        registry.add("content.aliases.articles", this::articleAlias);
        registry.add("content.aliases.countries", this::countryAlias);
        registry.add("spring.kafka.consumer.group-id", this::group);
        registry.add("index.security.keys.operator.sha256", () -> ApiKeyFilter.sha256(operatorKey));
        registry.add("index.security.keys.operator.scopes", () -> "admin");
    }

    /** A producer to the shared broker that waits for every replica (close it after the test). */
    public static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
