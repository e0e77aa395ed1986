package dev.contentpipeline.localstack;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InfrastructureTests {

    @Test
    void refusesSomeOfTheSettingsOfServersThatAlreadyRun() {
        Map<String, String> settings = Map.of(Infrastructure.KAFKA_SETTING, "kafka.example:9092",
                Infrastructure.ELASTICSEARCH_SETTING, "https://search.example:9200");

        assertThatIllegalStateException().isThrownBy(() -> Infrastructure.start(settings::get))
            .withMessageContaining(Infrastructure.ELASTICSEARCH_PASSWORD_SETTING)
            .withMessageContaining(Infrastructure.ELASTICSEARCH_CONFIG_SETTING);
    }

    @Test
    void refusesAConfigFolderTheLocalStackDidNotMake(@TempDir Path config) {
        Map<String, String> settings = Map.of(Infrastructure.KAFKA_SETTING, "kafka.example:9092",
                Infrastructure.ELASTICSEARCH_SETTING, "https://search.example:9200",
                Infrastructure.ELASTICSEARCH_PASSWORD_SETTING, "secret",
                Infrastructure.ELASTICSEARCH_CONFIG_SETTING, config.toString());

        assertThatIllegalStateException().isThrownBy(() -> Infrastructure.start(settings::get))
            .withMessageContaining("certs/ca/ca.crt");
    }

    @Test
    void refusesAnUnknownInfrastructure() {
        Map<String, String> settings = Map.of(Infrastructure.INFRASTRUCTURE_SETTING, "kubernetes");

        assertThatIllegalStateException().isThrownBy(() -> Infrastructure.start(settings::get))
            .withMessageContaining("'local' (the default) or 'containers'");
    }
}
