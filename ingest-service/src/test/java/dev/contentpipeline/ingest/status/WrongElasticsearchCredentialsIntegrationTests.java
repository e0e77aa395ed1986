package dev.contentpipeline.ingest.status;

import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest given a wrong Elasticsearch password is not ready, and says why: its writes need only Kafka, yet a
 * configuration that cannot work must not look healthy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WrongElasticsearchCredentialsIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.shared().kafkaBootstrapServers());
        registry.add("content.topics.articles", () -> "it-ingest-wrong-password.articles");
        registry.add("content.topics.countries", () -> "it-ingest-wrong-password.countries");
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        elasticsearch.properties(elasticsearch.user(PipelineService.INGEST))
            .forEach((name, value) -> registry.add(name, () -> value));
        registry.add("elasticsearch.password", () -> "not-the-password");
    }

    @LocalServerPort
    int port;

    @Test
    void readinessFailsNamingTheSettingsToCheck(CapturedOutput output) throws Exception {
        HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(readiness.statusCode()).isEqualTo(503);
        // The user is "ingest-service@tests" when the tests reuse servers that run already (FileRealm.VISITORS).
        assertThat(output.getAll()).contains("refused the credentials of user 'ingest-service")
                .contains("ELASTICSEARCH_PASSWORD");
    }
}
