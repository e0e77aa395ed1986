package dev.contentpipeline.ingest.door;

import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Without keys, ingest starts (and is healthy) but refuses every write, saying how to configure a key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoKeysConfiguredIntegrationTests {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.shared().kafkaBootstrapServers());
        registry.add("content.topics.articles", () -> "it-ingest-no-keys.articles");
        registry.add("content.topics.countries", () -> "it-ingest-no-keys.countries");
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        elasticsearch.properties(elasticsearch.user(PipelineService.INGEST))
            .forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;

    @Test
    void everyWriteIsRefusedWithAnExplanation() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/articles/no-keys"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer anything")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JsonMapper.shared().readTree(response.body()).get("detail").asString())
                .contains("INGEST_SECURITY_KEYS_<NAME>_SHA256");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
