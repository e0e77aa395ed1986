package dev.contentpipeline.search;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port over {@link SearchFixture}'s indices on a real Elasticsearch. The test
 * classes share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AgainstElasticsearch {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SearchFixture.properties(registry);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    protected void fixture() throws IOException {
        SearchFixture.load();
    }

    protected HttpResponse<String> send(String pathAndQuery) throws IOException, InterruptedException {
        return send(pathAndQuery, null);
    }

    /** @param accept the request's {@code Accept} header, or null for none */
    protected HttpResponse<String> send(String pathAndQuery, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode get(String pathAndQuery, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = send(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + " -> " + response.body()).isEqualTo(expectedStatus);
        return JsonMapper.shared().readTree(response.body());
    }

    /** {@code /api/search?q=<query>} plus further parameters as written. */
    protected JsonNode search(String query, String more) throws IOException, InterruptedException {
        return get("/api/search?q=" + encode(query) + more, 200);
    }

    protected static List<String> ids(JsonNode results) {
        return results.get("hits").valueStream().map(hit -> hit.get("id").asString()).toList();
    }

    protected static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
