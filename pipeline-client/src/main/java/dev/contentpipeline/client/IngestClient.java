package dev.contentpipeline.client;

import java.net.http.HttpRequest;
import java.time.Duration;

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
    }

    private final Calls calls;

    private final String authorization;

    public IngestClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, Duration.ofSeconds(60));
    }

    public IngestClient(String baseUrl, String apiKey, Duration timeout) {
        this.calls = new Calls(baseUrl, timeout);
        this.authorization = "Bearer " + apiKey;
    }

    public String baseUrl() {
        return this.calls.baseUrl();
    }

    /** {@code PUT /api/articles/{id}} or {@code /api/countries/{code}}, plus a query such as {@code ?wait=searchable}. */
    public Answer put(Kind kind, String id, String json, String query) {
        return this.calls.send(this.calls.request(kind.path() + id + query)
            .header("Content-Type", "application/json")
            .header("Authorization", this.authorization)
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    public Answer put(Kind kind, String id, String json) {
        return put(kind, id, json, "");
    }

    public Answer delete(Kind kind, String id) {
        return this.calls.send(this.calls.request(kind.path() + id)
            .header("Authorization", this.authorization)
            .DELETE()
            .build());
    }

    /** {@code POST /api/bulk} with NDJSON lines. */
    public Answer bulk(String ndjson) {
        return this.calls.send(this.calls.request("/api/bulk")
            .header("Content-Type", "application/x-ndjson")
            .header("Authorization", this.authorization)
            .POST(HttpRequest.BodyPublishers.ofString(ndjson))
            .build());
    }

    /** {@code GET /api/status/{type}/{id}}, type {@code article} or {@code country}. */
    public Answer status(String type, String id) {
        return get("/api/status/" + type + "/" + id);
    }

    /** Any GET with the key, such as the actuator's. */
    public Answer get(String pathAndQuery) {
        return this.calls.send(this.calls.request(pathAndQuery).header("Authorization", this.authorization).GET()
            .build());
    }
}
