package dev.contentpipeline.endtoend;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** index-service's rebuild API as the operator calls it (index-service/rebuild does the same with curl). */
final class RebuildCalls {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    /** @param authorization {@code Bearer <operator key>} */
    RebuildCalls(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** {@code POST /api/rebuilds}; asserts 202. */
    JsonNode rebuild() {
        return accepted("/api/rebuilds");
    }

    /** {@code POST /api/rebuilds/rollback}; asserts 202. */
    JsonNode rollback() {
        return accepted("/api/rebuilds/rollback");
    }

    /** Polls {@code GET /api/rebuilds/current} until it reports an end; returns every distinct report seen. */
    List<JsonNode> awaitEnd(Duration within) {
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode report = JsonMapper.shared().readTree(send("GET", "/api/rebuilds/current").body());
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(report)) {
                seen.add(report);
            }
            return !report.path("finishedAt").asString("").isEmpty();
        });
        return seen;
    }

    private JsonNode accepted(String path) {
        HttpResponse<String> answer = send("POST", path);
        assertThat(answer.statusCode()).as("POST " + path + ": " + answer.body()).isEqualTo(202);
        return JsonMapper.shared().readTree(answer.body());
    }

    private HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
