package dev.contentpipeline.endtoend;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;
import dev.contentpipeline.client.SearchClient;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.TopicReader;
import dev.contentpipeline.localstack.IngestApiKey;
import dev.contentpipeline.model.IndexDefinition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indices rebuilt, and rolled back, while a publisher writes through ingest-service and a reader searches through
 * search-service, all three services as processes on the real broker and Elasticsearch. The steady articles exist
 * before anything starts and carry a word no other record has; every search for it must answer, and count all of
 * them, whichever version of the index the aliases point at. The replay is held to 500 records a second, so that the
 * writes land while it runs. {@code -Drebuild.steady} changes how many steady articles.
 *
 * <p>The deployment starts on indices made from the v2 definitions (kept under {@code definitions-v2/}, as
 * IndexBootstrap made them before v3), so the rebuild is also how a new version of the definitions ships: v3's
 * analysis (Persian, Urdu and Hindi names typed the way many readers type them miss their country before it and find
 * it first after it) and v4's {@code allNames} (names in other languages find their country on both sides of it: the
 * search reads the per-language sub-fields of the older layout and {@code allNames} of the new one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildWithoutDowntimeIntegrationTests {

    private static final int STEADY = Integer.getInteger("rebuild.steady", 2_000);
    private static final String TERM = "halcyonmarker";
    private static final Duration GENEROUS = Duration.ofMinutes(10);

    /**
     * A variant spelling of a CLDR name in countries.ndjson, and the country's code. Not a Bengali য় typed as one
     * code point: search-service's NFC already makes it য + nukta, so v2 finds it too.
     */
    private static final Map<String, String> VARIANTS = Map.of(
            "پاكستان", "PK", // fa and ur پاکستان with the Arabic kaf
            "البانيه", "AL", // ur البانیہ with the Arabic heh and yeh
            "अफगानिस्तान", "AF", // hi अफ़गानिस्तान without the nukta
            // fa لیختن‌اشتاین with a space for the ZWNJ (search-service's query parser makes one of a ZWNJ too)
            "لیختن اشتاین", "LI");
    /** Names in other languages, as countries.ndjson spells them: found in every version of the definitions. */
    private static final Map<String, String> NAMES = Map.of("Albanien", "AL", "パキスタン", "PK", "Afganistan", "AF");

    private String scenario;
    private RunningServices services;
    private IngestClient ingest;
    private RebuildCalls rebuilds;
    private int renames;

    @BeforeAll
    void startServicesWithSteadyArticles() throws Exception {
        scenario = "rebuild-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        createVersion2("articles");
        createVersion2("countries");
        IngestApiKey key = IngestApiKey.random("rebuild");
        Map<String, String> settings = new HashMap<>(key.adminEnvironment("INDEX"));
        settings.put("CONTENT_TOPICS_ARTICLES", scenario + ".articles");
        settings.put("CONTENT_TOPICS_COUNTRIES", scenario + ".countries");
        settings.put("CONTENT_ALIASES_ARTICLES", articles());
        settings.put("CONTENT_ALIASES_COUNTRIES", countries());
        settings.put("SPRING_KAFKA_CONSUMER_GROUP_ID", scenario);
        settings.put("INDEX_REBUILD_MAXRECORDSPERSECOND", "500");
        services = RunningServices.start(scenario, key, settings, Duration.ofMinutes(3));
        ingest = new IngestClient(services.ingestUrl(), key.key(), Duration.ofSeconds(30));
        rebuilds = new RebuildCalls(services.indexUrl(), key.authorization());
        assertThat(ingest.put(IngestClient.Kind.COUNTRIES, "MT", country(nextAlias())).status()).isEqualTo(202);
        for (String code : VARIANTS.values()) {
            assertThat(ingest.put(IngestClient.Kind.COUNTRIES, code, sampleCountry(code)).status()).isEqualTo(202);
        }
        try (KafkaProducer<String, byte[]> producer = TopicRecords.producer(20)) {
            for (int n = 0; n < STEADY; n++) {
                producer.send(new ProducerRecord<>(scenario + ".articles", "steady-" + n,
                        steady(n, "first version").getBytes(StandardCharsets.UTF_8)));
            }
        }
        SearchClient search = new SearchClient(services.searchUrl());
        await().atMost(GENEROUS).pollInterval(Duration.ofSeconds(1)).until(() ->
                search.search(TERM, "&type=article&size=1").json().path("total").asLong() == STEADY
                && VARIANTS.values().stream().allMatch(code -> search.record(IngestClient.Kind.COUNTRIES, code).is(200)));
    }

    @AfterAll
    void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void rebuildUnderWritesAndSearchesLosesNoHitAndEndsHoldingTheTopicsNewestVersions() throws Exception {
        String before = behind(articles());
        assertThat(behind(countries())).isEqualTo(countries() + "-v2");
        VARIANTS.forEach((variant, code) -> assertThat(firstHit(variant)).as("v2 on %s", variant).isNotEqualTo(code));
        NAMES.forEach((name, code) -> assertThat(firstHit(name)).as("v2 on %s", name).isEqualTo(code));
        List<JsonNode> reports;
        String renamed;
        try (SearchWatch reader = new SearchWatch(services.searchUrl(), TERM, STEADY);
             ChurnWriter writer = churn()) {
            await().atMost(GENEROUS).until(() -> writer.writes() >= 20 && reader.searches() >= 5);
            rebuilds.rebuild();
            // A country renamed while the replay runs: the new articles index must carry the new names.
            renamed = nextAlias();
            assertThat(ingest.put(IngestClient.Kind.COUNTRIES, "MT", country(renamed)).status()).isEqualTo(202);
            reports = rebuilds.awaitEnd(GENEROUS);
            int writtenAtTheEnd = writer.writes();
            await().atMost(GENEROUS).until(() -> writer.writes() >= writtenAtTheEnd + 20);
            writer.close();
            awaitTheTopicsNewestVersions();
            reader.close();
            assertReaderAndWriter(reader, writer);
        }
        JsonNode done = reports.get(reports.size() - 1);
        assertThat(done.path("state").asString()).as(reports.toString()).isEqualTo("done");
        String after = behind(articles());
        assertThat(after).as("the alias moved to the next version").isNotEqualTo(before);
        assertThat(version(after)).isEqualTo(version(before) + 1);
        assertThat(exists(before)).as("the previous version is kept").isTrue();
        assertThat(liveArticlesNaming(renamed)).as("articles enriched with the name given during the rebuild")
                .isEqualTo(liveArticles());
        // The next version after v2 is named -v3, and made from the current definitions.
        assertThat(behind(countries())).isEqualTo(countries() + "-v3");
        assertThat(call("GET", "/" + behind(countries()) + "/_mapping/field/allNames", null)
                .path(behind(countries())).path("mappings").has("allNames"))
                .as("the rebuilt countries index has v%d's allNames", IndexDefinition.COUNTRIES.version()).isTrue();
        VARIANTS.forEach((variant, code) -> assertThat(firstHit(variant)).as("rebuilt, on %s", variant)
                .isEqualTo(code));
        NAMES.forEach((name, code) -> assertThat(firstHit(name)).as("rebuilt, on %s", name).isEqualTo(code));
        printReports("rebuild", reports);
    }

    @Test
    void rollbackUnderWritesAndSearchesReturnsToThePreviousVersionHoldingEveryWriteMadeSinceTheSwap()
            throws Exception {
        String before = behind(articles());
        rebuilds.rebuild();
        assertThat(rebuilds.awaitEnd(GENEROUS).get(0).path("operation").asString()).isEqualTo("rebuild");
        assertThat(behind(articles())).isNotEqualTo(before);
        // Only the new version sees these: the rollback must replay them into the old one before it returns.
        for (int n = 0; n < 30; n++) {
            assertThat(ingest.put(IngestClient.Kind.ARTICLES, "steady-" + n, steady(n, "after the swap")).status())
                    .isEqualTo(202);
        }
        assertThat(ingest.delete(IngestClient.Kind.ARTICLES, "churn-1").status()).isEqualTo(202);
        String renamed = nextAlias();
        assertThat(ingest.put(IngestClient.Kind.COUNTRIES, "MT", country(renamed)).status()).isEqualTo(202);
        awaitTheTopicsNewestVersions();

        List<JsonNode> reports;
        try (SearchWatch reader = new SearchWatch(services.searchUrl(), TERM, STEADY);
             ChurnWriter writer = churn()) {
            await().atMost(GENEROUS).until(() -> writer.writes() >= 20 && reader.searches() >= 5);
            rebuilds.rollback();
            reports = rebuilds.awaitEnd(GENEROUS);
            int writtenAtTheEnd = writer.writes();
            await().atMost(GENEROUS).until(() -> writer.writes() >= writtenAtTheEnd + 20);
            writer.close();
            awaitTheTopicsNewestVersions();
            reader.close();
            assertReaderAndWriter(reader, writer);
        }
        assertThat(reports.get(reports.size() - 1).path("state").asString()).as(reports.toString())
                .isEqualTo("done");
        assertThat(behind(articles())).as("back on the previous version").isEqualTo(before);
        assertThat(liveArticlesNaming(renamed)).isEqualTo(liveArticles());
        printReports("rollback", reports);
    }

    private ChurnWriter churn() {
        return new ChurnWriter(ingest, STEADY,
                n -> article("churn-" + n, "Churn " + n, "Written while the indices move."),
                n -> steady(n, "updated while the indices move"));
    }

    /** The aliases hold exactly each key's newest version on the topics, deletes included. */
    private void awaitTheTopicsNewestVersions() {
        await().atMost(GENEROUS).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(IndexedState.read(elasticsearch(), articles()))
                    .isEqualTo(NewestVersions.of(TopicReader.readAll(scenario + ".articles")));
            assertThat(IndexedState.read(elasticsearch(), countries()))
                    .isEqualTo(NewestVersions.of(TopicReader.readAll(scenario + ".countries")));
        });
    }

    private static void assertReaderAndWriter(SearchWatch reader, ChurnWriter writer) {
        assertThat(writer.otherAnswers()).as("ingest answers other than 202").isEmpty();
        assertThat(reader.failures()).as("failed searches, of " + reader.searches()).isEmpty();
        assertThat(reader.shortfalls()).as("searches that missed steady articles").isEmpty();
        assertThat(reader.fewestHits()).isEqualTo(STEADY);
        System.out.printf("%d searches, none failed, the fewest hits %d of %d; %d writes through ingest%n",
                reader.searches(), reader.fewestHits(), STEADY, writer.writes());
    }

    private static void printReports(String what, List<JsonNode> reports) {
        System.out.println(what + ", as GET /api/rebuilds/current reported it:");
        reports.forEach(report -> System.out.println("  " + report));
    }

    private String firstHit(String query) {
        Answer answer = new SearchClient(services.searchUrl()).search(query, "&size=1");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode hits = answer.json().get("hits");
        return hits.isEmpty() ? null : hits.get(0).get("id").asString();
    }

    /** The index as IndexBootstrap made it before v3: the v2 definition, behind the alias, written through it. */
    private void createVersion2(String type) throws IOException {
        String index = scenario + "-" + type + "-v2";
        String definition;
        try (InputStream in = getClass().getResourceAsStream("/definitions-v2/" + type + ".json")) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(call("PUT", "/" + index, definition).path("acknowledged").asBoolean()).isTrue();
        assertThat(call("PUT", "/" + index + "/_alias/" + scenario + "-" + type, "{\"is_write_index\":true}")
                .path("acknowledged").asBoolean()).isTrue();
    }

    private static String sampleCountry(String code) throws IOException {
        Path countries = Path.of(System.getProperty("pipeline.sample-content"), "countries.ndjson");
        return Files.readAllLines(countries, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("{\"code\":\"" + code + "\"")).findFirst().orElseThrow();
    }

    private String articles() {
        return scenario + "-articles";
    }

    private String countries() {
        return scenario + "-countries";
    }

    private String nextAlias() {
        return "Melita " + (++renames);
    }

    private long liveArticles() {
        return count("{\"term\":{\"deleted\":false}}");
    }

    private long liveArticlesNaming(String name) {
        return count("{\"bool\":{\"filter\":[{\"term\":{\"deleted\":false}},{\"term\":{\"countryNames.keyword\":"
                + JsonMapper.shared().writeValueAsString(name) + "}}]}}");
    }

    private long count(String query) {
        return call("POST", "/" + articles() + "/_count", "{\"query\":" + query + "}").path("count").asLong(-1);
    }

    private static String behind(String alias) {
        return call("GET", "/_alias/" + alias, null).propertyNames().iterator().next();
    }

    private static boolean exists(String index) {
        return call("GET", "/" + index + "/_settings", null).has(index);
    }

    private static int version(String index) {
        return Integer.parseInt(index.substring(index.lastIndexOf("-v") + 2));
    }

    private static String steady(int n, String note) {
        return article("steady-" + n, "Steady " + n + ", " + note, "Kept through every move of the indices: " + TERM
                + ".");
    }

    private static String article(String id, String title, String body) {
        ObjectNode article = JsonMapper.shared().createObjectNode().put("id", id).put("title", title)
                .put("body", body).put("publishedAt", "2026-01-01T00:00:00Z");
        article.putArray("countries").add("MT");
        return JsonMapper.shared().writeValueAsString(article);
    }

    private static String country(String alias) {
        return "{\"name\":\"Malta\",\"officialName\":\"Republic of Malta\",\"aliases\":["
                + JsonMapper.shared().writeValueAsString(alias) + "],\"names\":{\"zh\":\"马耳他\"},"
                + "\"region\":\"Europe\",\"subregion\":\"Southern Europe\",\"status\":\"current\"}";
    }

    private static JsonNode call(String method, String path, String json) {
        ElasticsearchAccess elasticsearch = elasticsearch();
        return JsonMapper.shared().readTree(elasticsearch.send(elasticsearch.request(path).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build()).body());
    }

    private static ElasticsearchAccess elasticsearch() {
        return Infrastructure.shared().elasticsearch();
    }
}
