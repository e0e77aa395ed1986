package dev.contentpipeline.search.door;

import dev.contentpipeline.apikeys.ApiKeyFilter;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.search.SearchFixture;
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

/**
 * The search door's limits, in a context of their own with tight settings: each client's rate (429 with
 * Retry-After), the time a request may spend in Elasticsearch (504) and the actuator behind an admin key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchLimitsIntegrationTests {

    private static final String OPERATOR_KEY = "operator-key-for-search-tests";

    @DynamicPropertySource
    static void tightLimits(DynamicPropertyRegistry registry) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        elasticsearch.properties(elasticsearch.user(PipelineService.SEARCH, SearchFixture.ARTICLES,
                SearchFixture.COUNTRIES)).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("content.aliases.articles", () -> SearchFixture.ARTICLES);
        registry.add("content.aliases.countries", () -> SearchFixture.COUNTRIES);
        registry.add("search.client-rate-limit.requests-per-second", () -> "0.2");
        registry.add("search.client-rate-limit.burst", () -> "3");
        registry.add("search.limits.request-timeout", () -> "1ms");
        registry.add("search.security.keys.operator.sha256", () -> ApiKeyFilter.sha256(OPERATOR_KEY));
        registry.add("search.security.keys.operator.scopes", () -> "admin");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClientOverItsRateIsRefusedAndASearchOverItsTimeAnswers504() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> search = get("/api/search?q=lantern", null);
            assertThat(search.statusCode()).as(search.body()).isEqualTo(504);
            assertThat(problemType(search)).isEqualTo("urn:content-pipeline:problem:search-timeout");
        }
        HttpResponse<String> limited = get("/api/suggest?q=lan", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                (seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));
        assertThat(problemType(limited)).isEqualTo("urn:content-pipeline:problem:rate-limited");
        assertThat(get("/actuator/health/liveness", null).statusCode()).as("health is not rate-limited")
                .isEqualTo(200);
    }

    @Test
    void theActuatorBeyondHealthNeedsAnAdminKey() throws Exception {
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "wrong-key").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/loggers", null).statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = get("/actuator/prometheus", OPERATOR_KEY);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("http_server_requests_seconds");
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String problemType(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body()).path("type").asString();
    }
}
