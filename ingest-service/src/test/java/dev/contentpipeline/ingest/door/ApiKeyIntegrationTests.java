package dev.contentpipeline.ingest.door;

import dev.contentpipeline.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApiKeyIntegrationTests extends IngestIntegrationTestSupport {

    private static final String ARTICLE = """
            {"title":"T","body":"B","publishedAt":"2026-01-01T00:00:00Z"}""";

    @Test
    void aMissingOrUnknownKeyGets401WithAChallenge() throws Exception {
        HttpResponse<String> missing = put("/api/articles/keyless", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"ingest\"");
        assertThat(json(missing).get("detail").asString()).contains("Authorization: Bearer");

        HttpResponse<String> unknown = put("/api/articles/keyless", "guessed");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
    }

    @Test
    void scopesAreSeparate() throws Exception {
        assertThat(put("/api/articles/admin-writes", ADMIN_KEY).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", WRITER_KEY).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(put("/api/articles/writer-writes", WRITER_KEY).statusCode()).isEqualTo(202);
    }

    @Test
    void healthAndTheApiDescriptionArePublicAndEverythingElseIsNot() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/status/article/anything", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/%62ulk", null).statusCode()).as("an encoded path").isEqualTo(401);
        assertThat(get("/actuator/health/../metrics", null).statusCode()).as("a dot segment").isEqualTo(401);
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterUntilItsBucketRefills() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> put("/api/articles/slow-1", SLOW_KEY).statusCode() == 202);
        HttpResponse<String> response = put("/api/articles/slow-2", SLOW_KEY);
        for (int i = 0; i < 4 && response.statusCode() != 429; i++) {
            response = put("/api/articles/slow-2", SLOW_KEY);
        }
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(put("/api/articles/writer-unaffected", WRITER_KEY).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> put("/api/articles/slow-3", SLOW_KEY).statusCode() == 202);
    }

    private HttpResponse<String> put(String path, String key) throws Exception {
        return send(request(path, "application/json", key).PUT(HttpRequest.BodyPublishers.ofString(ARTICLE)));
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return send(request(path, null, key).GET());
    }
}
