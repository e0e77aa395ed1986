package dev.contentpipeline.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The HTTP both clients share: one JDK client, a base address, and an answer for every request. */
final class Calls {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
}
