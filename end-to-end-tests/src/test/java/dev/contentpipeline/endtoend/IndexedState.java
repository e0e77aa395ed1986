package dev.contentpipeline.endtoend;

import dev.contentpipeline.localstack.ElasticsearchAccess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;

/** What an index holds, read straight from Elasticsearch (as the operator) after a refresh: id to (version, deleted). */
final class IndexedState {

    record Entry(long version, boolean deleted) {
    }

    private IndexedState() {
    }

    static long count(ElasticsearchAccess elasticsearch, String alias) {
        JsonNode answer = call(elasticsearch, "GET", "/" + alias + "/_count?ignore_unavailable=true", null);
        return answer.has("count") ? answer.get("count").asLong() : 0;
    }

    /** Every document of the alias; fails if an id appears twice. */
    static Map<String, Entry> read(ElasticsearchAccess elasticsearch, String alias) {
        call(elasticsearch, "POST", "/" + alias + "/_refresh", null);
        Map<String, Entry> state = new HashMap<>();
        String after = null;
        while (true) {
            String body = "{\"size\":1000,\"sort\":[{\"id\":\"asc\"}],\"_source\":[\"id\",\"version\",\"deleted\"]"
                    + (after == null ? "" : ",\"search_after\":[" + JsonMapper.shared().writeValueAsString(after) + "]")
                    + ",\"query\":{\"match_all\":{}}}";
            JsonNode hits = call(elasticsearch, "POST", "/" + alias + "/_search", body).get("hits").get("hits");
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

    private static JsonNode call(ElasticsearchAccess elasticsearch, String method, String path, String json) {
        return JsonMapper.shared().readTree(elasticsearch.send(elasticsearch.request(path)
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
            .build()).body());
    }
}
