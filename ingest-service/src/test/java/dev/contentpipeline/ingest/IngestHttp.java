package dev.contentpipeline.ingest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to an ingest-service under test, over real HTTP. */
public final class IngestHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public IngestHttp(int port) {
        this.port = port;
    }

    /** A request as the writer sends it: JSON, with its key. */
    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(request(path, "application/json", IngestIntegrationTestSupport.WRITER_KEY).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @param contentType or null for none; @param key or null for none */
    public HttpRequest.Builder request(String path, String contentType, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    public HttpClient client() {
        return http;
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
