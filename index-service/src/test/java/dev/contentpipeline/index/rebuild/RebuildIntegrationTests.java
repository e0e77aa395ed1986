package dev.contentpipeline.index.rebuild;

import dev.contentpipeline.index.IndexServiceUnderTest;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.model.ContentHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rebuild API in a whole index-service against the real broker and Elasticsearch, as the indexer's own user
 * (its role creates {@code <alias>-v*} and moves aliases, and may not delete). The replay is held to 100 records a
 * second, so that a rebuild is still running when the second request comes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildIntegrationTests {

    private static final String ARTICLES = "it-rebuild.articles";
    private static final String COUNTRIES = "it-rebuild.countries";
    private static final String ARTICLE_ALIAS = "it-rebuild-articles";
    private static final String COUNTRY_ALIAS = "it-rebuild-countries";
    private static final String OPERATOR_KEY = "operator-key-for-rebuild-tests";
    private static final int ARTICLE_COUNT = 150;
    private static final Duration WITHIN = Duration.ofMinutes(2);

    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        new IndexServiceUnderTest(ARTICLES, COUNTRIES, ARTICLE_ALIAS, COUNTRY_ALIAS, "it-rebuild", OPERATOR_KEY)
            .register(registry);
        registry.add("index.batch.max-records", () -> "50");
        registry.add("index.rebuild.max-records-per-second", () -> "100");
    }

    @BeforeAll
    static void corpus() throws Exception {
        producer = IndexServiceUnderTest.producer();
        publish(COUNTRIES, "MT", country("Melita", 1), null);
        for (int i = 0; i < ARTICLE_COUNT; i++) {
            publish(ARTICLES, "piece-" + i, article("piece-" + i, "Piece " + i, 1, "MT"), null);
        }
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @LocalServerPort
    int port;

    @Test
    void rebuildMovesBothAliasesOnceCaughtUpAndRollbackReturnsHoldingTheWritesMadeSince() throws Exception {
        await().atMost(WITHIN).until(() -> count(ARTICLE_ALIAS, "Melita") == ARTICLE_COUNT);
        String before = behind(ARTICLE_ALIAS);

        HttpResponse<String> started = management("POST", "/api/rebuilds");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/rebuilds/current");
        HttpResponse<String> second = management("POST", "/api/rebuilds");
        assertThat(second.statusCode()).as("a second rebuild while one runs: " + second.body()).isEqualTo(409);
        assertThat(json(second).path("current").path("operation").asString()).isEqualTo("rebuild");
        assertThat(management("POST", "/api/rebuilds/rollback").statusCode()).as("a rollback meanwhile")
                .isEqualTo(409);

        JsonNode done = awaitEnd();
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("done");
        String after = behind(ARTICLE_ALIAS);
        assertThat(version(after)).isGreaterThan(version(before));
        assertThat(behind(COUNTRY_ALIAS)).startsWith(COUNTRY_ALIAS + "-v");
        assertThat(done.path("recordsReplayed").asLong()).isGreaterThanOrEqualTo(ARTICLE_COUNT + 1);
        assertThat(done.path("lag").asLong()).isZero();
        assertThat(done.path("next").asString()).contains("DELETE /" + before);
        assertThat(count(ARTICLE_ALIAS, "Melita")).as("articles enriched from the rebuilt countries index")
                .isEqualTo(ARTICLE_COUNT);
        assertThat(exists(before)).as("the previous version is kept").isTrue();
        assertThat(searchSegments(after)).as("the rebuilt version merged before the move").isEqualTo(1);

        // Written after the move, so only into the new version; the rollback must bring them into the old one.
        publish(ARTICLES, "piece-0", article("piece-0", "Piece zero, rewritten", 2, "MT"), null);
        publish(ARTICLES, "piece-1", null, "2");
        publish(ARTICLES, "after-the-swap", article("after-the-swap", "Written after the swap", 1, "CN"), null);
        publish(COUNTRIES, "MT", country("Island of Honey", 2), null);
        await().atMost(WITHIN).until(() -> count(ARTICLE_ALIAS, "Island of Honey") == ARTICLE_COUNT - 1);

        HttpResponse<String> rollback = management("POST", "/api/rebuilds/rollback");
        assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(202);
        JsonNode rolledBack = awaitEnd();
        assertThat(rolledBack.path("state").asString()).as(rolledBack.toString()).isEqualTo("done");
        assertThat(rolledBack.path("lag").asLong()).isZero();
        assertThat(rolledBack.path("next").asString()).contains("DELETE /" + after);
        assertThat(behind(ARTICLE_ALIAS)).isEqualTo(before);
        assertThat(document(ARTICLE_ALIAS, "piece-0").path("title").asString()).isEqualTo("Piece zero, rewritten");
        assertThat(document(ARTICLE_ALIAS, "piece-1").path("deleted").asBoolean()).isTrue();
        assertThat(document(ARTICLE_ALIAS, "after-the-swap").path("version").asLong()).isEqualTo(1);
        assertThat(count(ARTICLE_ALIAS, "Island of Honey")).as("the rename, caught up").isEqualTo(ARTICLE_COUNT - 1);
        assertThat(count(ARTICLE_ALIAS, "Melita")).isZero();
    }

    @Test
    void rebuildFailingMidwayLeavesTheAliasesWhereTheyWereAndSaysWhy() throws Exception {
        await().atMost(WITHIN).until(() -> count(ARTICLE_ALIAS, "Melita") + count(ARTICLE_ALIAS, "Island of Honey")
                >= ARTICLE_COUNT - 1);
        await().atMost(WITHIN).until(() -> management("GET", "/api/rebuilds/current").statusCode() == 404
                || ended(json(management("GET", "/api/rebuilds/current"))));
        String articlesBefore = behind(ARTICLE_ALIAS);
        String countriesBefore = behind(COUNTRY_ALIAS);
        // Every new articles index refuses writes: the countries are replayed, the first batch of articles fails.
        operator("PUT", "/_index_template/it-rebuild-blocked", "{\"index_patterns\":[\"" + ARTICLE_ALIAS + "-v*\"],"
                + "\"priority\":900,\"template\":{\"settings\":{\"index.blocks.write\":true}}}");
        try {
            assertThat(management("POST", "/api/rebuilds").statusCode()).isEqualTo(202);
            JsonNode failed = awaitEnd();
            assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.path("failure").asString()).contains("cluster_block_exception");
            assertThat(failed.path("swappedAt").asString(null)).isNull();
            assertThat(failed.path("createdIndices")).hasSize(2);
            assertThat(failed.path("next").asString()).contains("still point at " + articlesBefore)
                    .contains("DELETE /");
        } finally {
            operator("DELETE", "/_index_template/it-rebuild-blocked", null);
        }
        assertThat(behind(ARTICLE_ALIAS)).isEqualTo(articlesBefore);
        assertThat(behind(COUNTRY_ALIAS)).isEqualTo(countriesBefore);
        publish(ARTICLES, "after-the-failure", article("after-the-failure", "Still indexed", 1, "CN"), null);
        await().atMost(WITHIN).until(() -> document(ARTICLE_ALIAS, "after-the-failure").path("version").asLong() == 1);
    }

    @Test
    void rollbackWithNoEarlierVersionIsRefusedAndSaysWhy() throws Exception {
        HttpResponse<String> refused = management("POST", "/api/rebuilds/rollback");
        // Before any rebuild, or after a rollback to the version made at start: 409 either way, or 409 while busy.
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json(refused).path("detail").asString()).isNotBlank();
        assertThat(management("POST", "/api/rebuilds", null).statusCode()).as("without a key").isEqualTo(401);
    }

    private JsonNode awaitEnd() throws Exception {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> ended(json(management("GET", "/api/rebuilds/current"))));
        return json(management("GET", "/api/rebuilds/current"));
    }

    private static boolean ended(JsonNode report) {
        return !report.path("finishedAt").asString("").isEmpty();
    }

    /** How many live articles carry the name among their countryNames. */
    private static long count(String alias, String name) {
        return call("POST", "/" + alias + "/_count", "{\"query\":{\"bool\":{\"filter\":[{\"term\":{\"countryNames"
                + ".keyword\":\"" + name + "\"}},{\"term\":{\"deleted\":false}}]}}}").path("count").asLong();
    }

    private static JsonNode document(String alias, String id) {
        return call("GET", "/" + alias + "/_doc/" + id, null).path("_source");
    }

    /** The one index behind the alias. */
    private static String behind(String alias) {
        return call("GET", "/_alias/" + alias, null).propertyNames().iterator().next();
    }

    /** The segments searches over the index read (one shard). */
    private static int searchSegments(String index) {
        return call("GET", "/" + index + "/_segments", null).path("indices").path(index).path("shards").path("0")
                .path(0).path("num_search_segments").asInt();
    }

    private static boolean exists(String index) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        return elasticsearch.send(elasticsearch.request("/" + index).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build()).statusCode() == 200;
    }

    private static int version(String index) {
        return Integer.parseInt(index.substring(index.lastIndexOf("-v") + 2));
    }

    private static void operator(String method, String path, String body) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        HttpResponse<String> answer = elasticsearch.send(elasticsearch.request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
    }

    private static JsonNode call(String method, String path, String body) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        return JsonMapper.shared().readTree(elasticsearch.send(elasticsearch.request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build()).body());
    }

    private HttpResponse<String> management(String method, String path) throws Exception {
        return management(method, path, OPERATOR_KEY);
    }

    private HttpResponse<String> management(String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JsonMapper.shared().readTree(answer.body());
    }

    private static byte[] article(String id, String title, long version, String country) {
        return ("{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"Body of " + title
                + "\",\"countries\":[\"" + country + "\"],\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":"
                + version + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] country(String alias, long version) {
        return ("{\"code\":\"MT\",\"name\":\"Malta\",\"officialName\":\"Republic of Malta\",\"aliases\":[\"" + alias
                + "\"],\"names\":{\"zh\":\"马耳他\"},\"region\":\"Europe\",\"subregion\":\"Southern Europe\","
                + "\"status\":\"current\",\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static void publish(String topic, String key, byte[] value, String versionHeader) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (versionHeader != null) {
            record.headers().add(ContentHeaders.VERSION, versionHeader.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
