package dev.contentpipeline.localstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InfrastructureTests {

    @Test
    void usesServersThatAlreadyRunWhenBothAreNamed() {
        Map<String, String> settings = Map.of(Infrastructure.KAFKA_SETTING, "kafka.example:9092",
                Infrastructure.ELASTICSEARCH_SETTING, "http://search.example:9200");

        Infrastructure infrastructure = Infrastructure.start(settings::get);

        assertThat(infrastructure.kafkaBootstrapServers()).isEqualTo("kafka.example:9092");
        assertThat(infrastructure.elasticsearchUrl()).isEqualTo("http://search.example:9200");
    }

    @Test
    void refusesOnlyOneOfTheTwo() {
        Map<String, String> settings = Map.of(Infrastructure.KAFKA_SETTING, "kafka.example:9092");

        assertThatIllegalStateException().isThrownBy(() -> Infrastructure.start(settings::get))
            .withMessageContaining(Infrastructure.ELASTICSEARCH_SETTING);
    }
}
