package dev.contentpipeline.endtoend;

import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Articles PUT one after another through ingest-service; remembers what was acknowledged (202) and at which version. */
final class IngestLoad implements Runnable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingest;
    private final String authorization;
    private final int articles;
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> otherStatuses = ConcurrentHashMap.newKeySet();
    private volatile boolean done;

    IngestLoad(String ingest, String authorization, int articles) {
        this.ingest = ingest;
        this.authorization = authorization;
        this.articles = articles;
    }

    @Override
    public void run() {
        try {
            for (int i = 0; i < articles; i++) {
                String id = "ingested-" + i;
                HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/api/articles/" + id))
                        .timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Ingested " + i + "\",\"body\":\"b\","
                                + "\"publishedAt\":\"2026-01-01T00:00:00Z\"}"))
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 202) {
                        acknowledged.put(id, JsonMapper.shared().readTree(response.body()).get("version").asLong());
                    } else if (response.statusCode() == 503) {
                        refused.add(id);
                    } else {
                        otherStatuses.add(response.statusCode() + " " + response.body());
                    }
                } catch (java.io.IOException e) {
                    otherStatuses.add("no answer: " + e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
        }
    }

    boolean done() {
        return done;
    }

    Map<String, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** The ids answered with 503: not published, as far as the client knows. */
    Set<String> refused() {
        return Set.copyOf(refused);
    }

    Set<String> otherStatuses() {
        return Set.copyOf(otherStatuses);
    }
}
