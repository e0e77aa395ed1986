package dev.contentpipeline.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The search API as a reader calls it: searches, suggestions and stored records. */
public final class SearchClient {

    private final Calls calls;

    public SearchClient(String baseUrl) {
        this.calls = new Calls(baseUrl, Duration.ofSeconds(30));
    }

    public String baseUrl() {
        return this.calls.baseUrl();
    }

    /** {@code GET /api/search?q=<text>} followed by further parameters as written ({@code &type=article}). */
    public Answer search(String text, String moreParameters) {
        return get("/api/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + moreParameters);
    }

    /** {@code GET /api/articles/{id}} or {@code /api/countries/{code}}. */
    public Answer record(IngestClient.Kind kind, String id) {
        return get(kind.path(id));
    }

    public Answer get(String pathAndQuery) {
        return this.calls.send("GET", pathAndQuery, Map.of(), null, null);
    }
}
