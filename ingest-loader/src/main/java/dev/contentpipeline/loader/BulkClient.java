package dev.contentpipeline.loader;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Sends one chunk to {@code POST /api/bulk} and reads the answer, line by line when there is one. */
final class BulkClient {

    /** What became of one line of the request: its status, and why, when it was refused. */
    record LineOutcome(int line, int status, String reason) {
    }

    /**
     * @param lines one outcome per line sent, or null when the request as a whole was refused or not answered
     * @param problem why the request as a whole was refused or not answered
     */
    record Answer(int status, Duration retryAfter, List<LineOutcome> lines, String problem) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI bulk;
    private final String key;

    BulkClient(URI url, String key) {
        this.bulk = URI.create(url + "/api/bulk");
        this.key = key;
    }

    Answer post(List<InputItems.Item> items) throws InterruptedException {
        String body = items.stream().map(InputItems.Item::bulkLine).collect(Collectors.joining("\n", "", "\n"));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(bulk)
                    .timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/x-ndjson")
                    .header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(0, null, null, "no answer from " + bulk + ": " + e);
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").map(BulkClient::seconds).orElse(null);
        JsonNode json = parse(response.body());
        if (json != null && json.has("items")) {
            return new Answer(response.statusCode(), retryAfter, json.get("items").valueStream()
                    .map(item -> new LineOutcome(item.get("line").asInt(), item.get("status").asInt(), reason(item)))
                    .toList(), null);
        }
        String problem = json == null ? response.body()
                : json.path("title").asString("") + ": " + json.path("detail").asString("");
        return new Answer(response.statusCode(), retryAfter, null, response.statusCode() + " " + problem);
    }

    private static String reason(JsonNode item) {
        if (item.has("errors")) {
            return item.get("errors").valueStream()
                    .map(error -> error.path("field").asString("") + ": " + error.path("message").asString(""))
                    .collect(Collectors.joining("; "));
        }
        return item.path("detail").asString("");
    }

    private static JsonNode parse(String body) {
        try {
            return JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
