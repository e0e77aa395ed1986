package dev.contentpipeline.ingest.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import dev.contentpipeline.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Status and {@code wait=searchable} against a real Elasticsearch. No indexer runs here, so the test plays its
 * part: it writes the document as index-service would (external version), into an index whose refreshes it
 * controls, so "indexed" and "searchable" can be told apart.
 */
class StatusIntegrationTests extends IngestIntegrationTestSupport {

    private static final String ARTICLE = """
            {"title":"T","body":"B","publishedAt":"2026-01-01T00:00:00Z"}""";

    private static final ElasticsearchClient elasticsearch = operatorClient();

    @BeforeEach
    void indexWithManualRefreshes() throws IOException {
        if (!elasticsearch.indices().existsAlias(a -> a.name(ARTICLES_ALIAS)).value()) {
            elasticsearch.indices().create(c -> c.index(ARTICLES_ALIAS + "-v1")
                    .settings(s -> s.numberOfShards("1").numberOfReplicas("0").refreshInterval(t -> t.time("-1")))
                    .aliases(ARTICLES_ALIAS, a -> a.isWriteIndex(true)));
        }
    }

    @Test
    void statusTellsAcceptedFromIndexedFromSearchable() throws Exception {
        long version = version(put("/api/articles/status-steps", ""));
        JsonNode accepted = status("article", "status-steps");
        assertThat(accepted.get("acceptedVersion").asLong()).isEqualTo(version);
        assertThat(accepted.has("indexedVersion")).isFalse();
        assertThat(accepted.get("searchable").asBoolean()).isFalse();

        indexAsTheIndexerWould("status-steps", version, false);
        JsonNode indexed = status("article", "status-steps");
        assertThat(indexed.get("indexedVersion").asLong()).isEqualTo(version);
        assertThat(indexed.has("searchableVersion")).as("a realtime GET sees it; a search does not yet").isFalse();
        assertThat(indexed.get("searchable").asBoolean()).isFalse();

        refresh();
        JsonNode searchable = status("article", "status-steps");
        assertThat(searchable.get("searchableVersion").asLong()).isEqualTo(version);
        assertThat(searchable.get("deleted").asBoolean()).isFalse();
        assertThat(searchable.get("searchable").asBoolean()).isTrue();
    }

    @Test
    void aDeletionIsSearchableAsADeletion() throws Exception {
        long version = version(send("DELETE", "/api/articles/status-deleted", null));
        indexAsTheIndexerWould("status-deleted", version, true);
        refresh();
        JsonNode status = status("article", "status-deleted");
        assertThat(status.get("searchable").asBoolean()).isTrue();
        assertThat(status.get("deleted").asBoolean()).isTrue();
    }

    @Test
    void anIdNobodyKnowsIs404AndABadTypeIs400() throws Exception {
        assertThat(send("GET", "/api/status/article/never-written", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/status/country/ZZ", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/status/poem/x", null).statusCode()).isEqualTo(400);
    }

    @Test
    void waitSearchableAnswersOnlyOnceASearchFindsTheVersion() throws Exception {
        long version = 5_000_000_000_000_000L;
        CompletableFuture<HttpResponse<String>> response = http().sendAsync(
                request("/api/articles/status-waited?wait=searchable&timeout=20s", "application/json", WRITER_KEY)
                        .header("If-Match", "\"" + version + "\"")
                        .PUT(HttpRequest.BodyPublishers.ofString(ARTICLE)).build(),
                HttpResponse.BodyHandlers.ofString());

        await().atMost(Duration.ofSeconds(10)).until(() -> status("article", "status-waited").has("acceptedVersion"));
        indexAsTheIndexerWould("status-waited", version, false);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !response.isDone());

        refresh();
        HttpResponse<String> answered = response.get(5, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(202);
        assertThat(json(answered).get("searchable").asBoolean()).isTrue();
        assertThat(json(answered).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void waitSearchableThatRunsOutStillAnswers202AndSaysSo() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = put("/api/articles/status-never-indexed", "?wait=searchable&timeout=1500ms");
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("searchable").asBoolean()).isFalse();
        assertThat(tookMs).isBetween(1_500L, 4_000L);
    }

    private HttpResponse<String> put(String path, String query) throws Exception {
        return send("PUT", path + query, ARTICLE);
    }

    private JsonNode status(String type, String id) throws Exception {
        HttpResponse<String> response = send("GET", "/api/status/" + type + "/" + id, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private void indexAsTheIndexerWould(String id, long version, boolean deleted) throws IOException {
        elasticsearch.index(i -> i.index(ARTICLES_ALIAS).id(id).version(version).versionType(VersionType.External)
                .document(Map.of("type", "article", "id", id, "version", version, "deleted", deleted)));
    }

    private void refresh() throws IOException {
        elasticsearch.indices().refresh(r -> r.index(ARTICLES_ALIAS));
    }

    private static long version(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("version").asLong();
    }
}
