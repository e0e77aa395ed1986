package dev.contentpipeline.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import dev.contentpipeline.localstack.ElasticsearchAccess;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's HTTP client for Elasticsearch, the services' actuators and the measured searches (HTTP/1.1,
 * kept-alive connections), with the few calls it makes: JSON in, JSON or bytes out. Servers are reached as a plain
 * client would; nothing here is tuned per target. The searches stay here rather than in pipeline-client's
 * SearchClient because they are measured side by side with the same searches sent straight to Elasticsearch, and
 * both sides must go through the same client. Publishing goes through pipeline-client's IngestClient.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.shared();

    private static HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Elasticsearch's address, and the operator's credentials sent to it (security is on). */
    private static ElasticsearchAccess elasticsearch;

    /** The services' admin key, sent to their actuators. */
    private static String adminKey;

    private Http() {
    }

    /** A response's status and body. */
    record Answer(int status, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Answer orThrow(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + abbreviated(text()));
            }
            return this;
        }
    }

    /** From now on requests to Elasticsearch trust its CA and carry the operator's credentials. */
    static synchronized void reach(ElasticsearchAccess access) {
        elasticsearch = access;
        CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .sslContext(access.http().sslContext()).build();
    }

    /** From now on requests to a service's actuator carry this key (scope admin). */
    static synchronized void actuatorKey(String key) {
        adminKey = key;
    }

    /** A request to the URL; to Elasticsearch with the operator's credentials, to an actuator with the admin key. */
    static HttpRequest.Builder builder(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        ElasticsearchAccess access = elasticsearch;
        if (access != null && url.startsWith(access.url())) {
            builder.header("Authorization", ElasticsearchAccess.authorization(access.operator()));
        }
        else if (adminKey != null && url.contains("/actuator/") && !url.contains("/actuator/health")) {
            builder.header("Authorization", "Bearer " + adminKey);
        }
        return builder;
    }

    static Answer get(String url) {
        return send(builder(url).GET());
    }

    static Answer delete(String url) {
        return send(builder(url).DELETE());
    }

    static Answer put(String url, String json) {
        return send(builder(url).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Answer post(String url, String contentType, byte[] body) {
        return send(request(url, contentType, body));
    }

    static HttpRequest request(String url, String contentType, byte[] body) {
        return builder(url).timeout(Duration.ofSeconds(120)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    /** Sends without reading the body into memory, for load where only the status and the time matter. */
    static CompletableFuture<Integer> sendAsyncDiscarding(HttpRequest request) {
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private static Answer send(HttpRequest.Builder builder) {
        return send(builder.timeout(Duration.ofSeconds(120)).build());
    }

    static String abbreviated(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + " ...";
    }
}
