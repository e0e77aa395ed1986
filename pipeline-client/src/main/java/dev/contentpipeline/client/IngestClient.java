package dev.contentpipeline.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest API as a publisher calls it, with its API key: upserts, deletes, bulk NDJSON and status. Every call
 * returns the {@link Answer} whatever its status; none throws for a refusal.
 */
public final class IngestClient {

    /** The two kinds of content, as the API's paths name them. */
    public enum Kind {
        ARTICLES, COUNTRIES;

        String path() {
            return this == ARTICLES ? "/api/articles/" : "/api/countries/";
        }

        /** The record's path, its id as one segment. */
        String path(String id) {
            return path() + Calls.segment(id);
        }
    }

    private static final String JSON = "application/json";

    private final Calls calls;

    /** Sent with every request: the key, and whatever {@link #withHeader} added. */
    private final Map<String, String> headers;

    public IngestClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, Duration.ofSeconds(60));
    }

    public IngestClient(String baseUrl, String apiKey, Duration timeout) {
        this(new Calls(baseUrl, timeout), Map.of("Authorization", "Bearer " + apiKey));
    }

    private IngestClient(Calls calls, Map<String, String> headers) {
        this.calls = calls;
        this.headers = headers;
    }

    public String baseUrl() {
        return this.calls.baseUrl();
    }

    /** The same client sending one more header with every request, such as {@code X-Request-Id}. */
    public IngestClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(this.headers);
        more.put(name, value);
        return new IngestClient(this.calls, Map.copyOf(more));
    }

    /** {@code PUT /api/articles/{id}} or {@code /api/countries/{code}}, plus a query such as {@code ?wait=searchable}. */
    public Answer put(Kind kind, String id, String json, String query) {
        return this.calls.send("PUT", kind.path(id) + query, this.headers, utf8(json), JSON);
    }

    public Answer put(Kind kind, String id, String json) {
        return put(kind, id, json, "");
    }

    /** The PUT sent without waiting for its answer, for a sender that keeps a rate whatever the answers. */
    public CompletableFuture<Answer> putAsync(Kind kind, String id, String json) {
        return this.calls.sendAsync("PUT", kind.path(id), this.headers, utf8(json), JSON);
    }

    public Answer delete(Kind kind, String id) {
        return this.calls.send("DELETE", kind.path(id), this.headers, null, null);
    }

    /** {@code POST /api/bulk} with NDJSON lines. */
    public Answer bulk(String ndjson) {
        return bulk(utf8(ndjson));
    }

    /** {@code POST /api/bulk} with NDJSON lines already encoded as UTF-8, as a loader holding bytes has them. */
    public Answer bulk(byte[] ndjson) {
        return this.calls.send("POST", "/api/bulk", this.headers, ndjson, "application/x-ndjson");
    }

    /** {@code GET /api/status/{type}/{id}}, type {@code article} or {@code country}. */
    public Answer status(String type, String id) {
        return get("/api/status/" + type + "/" + Calls.segment(id));
    }

    /** Any GET with the key, such as the actuator's. */
    public Answer get(String pathAndQuery) {
        return this.calls.send("GET", pathAndQuery, this.headers, null, null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
