package dev.contentpipeline.endtoend.relevance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The suite's side of the two HTTP APIs: publishing through ingest, reading through search. */
final class SearchClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String ingest;
    private final String search;
    private final String authorization;

    /** @param authorization the {@code Authorization} header's value for ingest */
    SearchClient(String ingest, String search, String authorization) {
        this.ingest = ingest;
        this.search = search;
        this.authorization = authorization;
    }

    /**
     * PUTs each record to {@code /api/<collection>/<id>}, again while ingest answers 503 (the broker slow to
     * acknowledge, as when a topic is first created; writes are idempotent by id), then waits until search serves
     * every one of them.
     */
    void publishAll(String collection, Map<String, String> records, Duration timeout) throws Exception {
        for (Map.Entry<String, String> record : records.entrySet()) {
            HttpRequest put = HttpRequest.newBuilder(uri(ingest, collection, record.getKey()))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .PUT(HttpRequest.BodyPublishers.ofString(record.getValue())).build();
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(HTTP.send(put, HttpResponse.BodyHandlers.ofString()))
                            .satisfies(response -> assertThat(response.statusCode())
                                    .as("PUT %s/%s: %s", collection, record.getKey(), response.body())
                                    .isEqualTo(202)));
        }
        Set<String> pending = new HashSet<>(records.keySet());
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            pending.removeIf(this::isServed);
            assertThat(pending).as("%s not yet searchable", collection).isEmpty();
        });
    }

    JsonNode search(String query, String type, int size) throws IOException, InterruptedException {
        String url = search + "/api/search?size=" + size + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (type == null ? "" : "&type=" + type);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    private boolean isServed(String id) {
        String collection = id.matches("[A-Z]{2}") ? "countries" : "articles";
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(search, collection, id)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static URI uri(String base, String collection, String id) {
        return URI.create(base + "/api/" + collection + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
}
