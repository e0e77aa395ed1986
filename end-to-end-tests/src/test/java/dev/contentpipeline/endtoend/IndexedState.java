package dev.contentpipeline.endtoend;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** What an index holds, read straight from Elasticsearch after a refresh: id to (version, deleted). */
final class IndexedState {

    record Entry(long version, boolean deleted) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IndexedState() {
    }

    static long count(String elasticsearchUrl, String alias) {
        JsonNode answer = call(elasticsearchUrl, "GET", "/" + alias + "/_count?ignore_unavailable=true", null);
        return answer.has("count") ? answer.get("count").asLong() : 0;
    }

    /** Every document of the alias; fails if an id appears twice. */
    static Map<String, Entry> read(String elasticsearchUrl, String alias) {
        call(elasticsearchUrl, "POST", "/" + alias + "/_refresh", null);
        Map<String, Entry> state = new HashMap<>();
        String after = null;
        while (true) {
            String body = "{\"size\":1000,\"sort\":[{\"id\":\"asc\"}],\"_source\":[\"id\",\"version\",\"deleted\"]"
                    + (after == null ? "" : ",\"search_after\":[" + JsonMapper.shared().writeValueAsString(after) + "]")
                    + ",\"query\":{\"match_all\":{}}}";
            JsonNode hits = call(elasticsearchUrl, "POST", "/" + alias + "/_search", body).get("hits").get("hits");
            if (hits.isEmpty()) {
                return state;
            }
            for (JsonNode hit : hits) {
                JsonNode source = hit.get("_source");
                Entry previous = state.put(source.get("id").asString(),
                        new Entry(source.get("version").asLong(), source.get("deleted").asBoolean()));
                if (previous != null) {
                    throw new AssertionError("id " + source.get("id").asString() + " is indexed twice");
                }
                after = source.get("id").asString();
            }
        }
    }

    private static JsonNode call(String elasticsearchUrl, String method, String path, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearchUrl + path))
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json))
                    .build();
            return JsonMapper.shared().readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
