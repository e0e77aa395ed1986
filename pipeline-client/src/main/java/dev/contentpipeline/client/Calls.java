package dev.contentpipeline.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The HTTP both clients share: one JDK client, a base address, and an answer for every request. */
final class Calls {

    // HTTP/1.1, as the services speak it: the JDK's default (HTTP/2) would offer an h2c upgrade on every new
    // connection, which they decline, and a load measured through this client would pay for it.
    private static final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final String baseUrl;

    private final Duration timeout;

    Calls(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
    }

    String baseUrl() {
        return this.baseUrl;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(this.baseUrl + pathAndQuery)).timeout(this.timeout);
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        }
        catch (IOException ex) {
            return Answer.none(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Answer.none(ex);
        }
    }

    /** Completes with the answer, or with status 0 when none came; never exceptionally. */
    CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .thenApply((response) -> new Answer(response.statusCode(), response.headers(), response.body()))
            .exceptionally((failure) -> Answer.none(reason(failure)));
    }

    private static Throwable reason(Throwable failure) {
        return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
    }

    /** An id as one path segment: a space or a slash in it cannot change the path. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
