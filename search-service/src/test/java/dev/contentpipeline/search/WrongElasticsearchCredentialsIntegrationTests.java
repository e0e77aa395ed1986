package dev.contentpipeline.search;

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

/** search-service given a wrong Elasticsearch password is not ready, says why, and answers searches 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WrongElasticsearchCredentialsIntegrationTests {

    @DynamicPropertySource
    static void wrongPassword(DynamicPropertyRegistry registry) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        elasticsearch.properties(elasticsearch.user(PipelineService.SEARCH))
            .forEach((name, value) -> registry.add(name, () -> value));
        registry.add("elasticsearch.password", () -> "not-the-password");
    }

    @LocalServerPort
    int port;

    @Test
    void readinessFailsWithTheReasonAndSearchesAnswer503(CapturedOutput output) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(503);
        // The user is "search-service@tests" when the tests reuse servers that run already (FileRealm.VISITORS).
        assertThat(output.getAll()).contains("refused the credentials of user 'search-service")
                .contains("ELASTICSEARCH_PASSWORD");

        HttpResponse<String> search = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/search?q=lantern")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).as(search.body()).isEqualTo(503);
    }
}
