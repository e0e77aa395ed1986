package dev.contentpipeline.endtoend;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;
import dev.contentpipeline.client.SearchClient;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.IngestApiKey;
import dev.contentpipeline.localstack.KafkaTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product as a publisher and a reader meet it: the three services' executable jars as processes, on a real
 * broker and a real Elasticsearch, driven over HTTP only. Also "searchable yet?" across the three: a PUT with
 * {@code wait=searchable} returns only once a search through search-service finds the new version, every time;
 * GET /api/status says when a write became searchable.
 */
class PipelineEndToEndIntegrationTests {

    private static final IngestApiKey API_KEY = IngestApiKey.random("endtoend");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WRITERS = 4;
    private static final int WRITES_EACH = 25;
    private static RunningServices services;
    private static IngestClient ingest;
    private static SearchClient search;

    @BeforeAll
    static void startServices() throws Exception {
        // Generous: the three start side by side on a machine that may be busy with other builds.
        services = RunningServices.start("end-to-end", API_KEY, Map.of(), Duration.ofSeconds(300));
        ingest = new IngestClient(services.ingestUrl(), API_KEY.key());
        search = new SearchClient(services.searchUrl());
        // The first record also waits for the indexer to join its group and get its partitions.
        assertThat(ingest.put(IngestClient.Kind.ARTICLES, "e2e-warm-up", """
                {"title":"Warm-up","body":"warmupprobe","publishedAt":"2026-01-01T00:00:00Z"}""").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ids(searchFor("warmupprobe"))).contains("e2e-warm-up"));
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void indexServiceStartsFromTheContextWorkedOutAtBuildTime() throws Exception {
        // compose/index-service.jvm.options turns Spring's ahead-of-time processing on; the jar carries its output.
        assertThat(java.nio.file.Files.readString(services.indexLog()))
                .contains("Starting AOT-processed IndexApplication");
    }

    @Test
    void theRequestIdOfAWriteReachesTheIndexersLogLineForTheRecord() throws Exception {
        Answer given = ingest.withHeader("X-Request-Id", "e2e-request-7f3a").put(IngestClient.Kind.ARTICLES,
                "e2e-traced", """
                {"title":"Traced","body":"Followed from ingest to index.","publishedAt":"2026-01-01T00:00:00Z"}""");
        assertThat(given.status()).as(given.toString()).isEqualTo(202);
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("e2e-request-7f3a");

        Answer traced = ingest.withHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .put(IngestClient.Kind.ARTICLES, "e2e-traced-2", """
                {"title":"Traced too","body":"By a W3C trace.","publishedAt":"2026-01-01T00:00:00Z"}""");
        assertThat(traced.headers().firstValue("X-Request-Id")).hasValue("4bf92f3577b34da6a3ce929d0e0e4736");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                java.nio.file.Files.readString(services.indexLog()))
                .containsPattern("Indexed articles e2e-traced version \\d+ from content\\.articles-\\d+@\\d+ "
                        + "request-id e2e-request-7f3a")
                .contains("request-id 4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @Test
    void publishedArticleAndCountryAreFoundAndADeleteRemovesOne() throws Exception {
        assertThat(ingest.put(IngestClient.Kind.ARTICLES, "e2e-iso-polyphony", """
                {"title":"Many voices over Gjirokastër","summary":"A drone holds while two soloists weave.",
                 "body":"Polyphonic song from the stone town of Gjirokastër and the coast near Vlorë.",
                 "countries":["AL"],"tags":["music"],"publishedAt":"2026-04-01T10:00:00Z"}""").status())
                .isEqualTo(202);
        assertThat(ingest.put(IngestClient.Kind.COUNTRIES, "SZ", """
                {"name":"Eswatini","officialName":"Kingdom of Eswatini","aliases":["Swaziland"],
                 "names":{"zh":"斯威士兰"},"region":"Africa","subregion":"Southern Africa","status":"current"}""")
                .status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(searchFor("polyphonic gjirokastër"))).contains("e2e-iso-polyphony");
            assertThat(ids(searchFor("swaziland"))).contains("SZ");
        });
        assertThat(search.record(IngestClient.Kind.COUNTRIES, "SZ").status()).isEqualTo(200);

        assertThat(ingest.delete(IngestClient.Kind.COUNTRIES, "SZ").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids(searchFor("swaziland"))).doesNotContain("SZ");
            assertThat(search.record(IngestClient.Kind.COUNTRIES, "SZ").status()).isEqualTo(404);
        });
        assertThat(ids(searchFor("polyphonic gjirokastër"))).contains("e2e-iso-polyphony");
    }

    @Test
    void articleIsSearchableWithinTwoSecondsOfItsAcknowledgement() throws Exception {
        for (int i = 0; i < 3; i++) {
            String id = "e2e-fresh-" + i;
            assertThat(ingest.put(IngestClient.Kind.ARTICLES, id, """
                    {"title":"Freshness probe %d","body":"snowfestival%d in Hegang","publishedAt":"2026-01-01T00:00:00Z"}"""
                    .formatted(i, i)).status()).isEqualTo(202);
            long acknowledged = System.nanoTime();
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(ids(searchFor("snowfestival" + id.charAt(id.length() - 1))))
                            .contains(id));
            System.out.printf("acknowledged -> searchable: %d ms%n", (System.nanoTime() - acknowledged) / 1_000_000);
        }
    }

    @Test
    void recordPublishedWithKafkasOwnConsoleProducerIsIndexed() throws Exception {
        String line = "console-producer-piece\t{\"id\":\"console-producer-piece\",\"title\":\"Straight to the topic\","
                + "\"body\":\"Written by kafkaconsoleproducer, not by ingest.\",\"countries\":[\"AX\"],"
                + "\"publishedAt\":\"2026-05-01T00:00:00Z\"}\n";
        KafkaTools.Result result = KafkaTools.run("org.apache.kafka.tools.ConsoleProducer", List.of(
                "--bootstrap-server", Infrastructure.shared().kafkaBootstrapServers(),
                "--topic", "content.articles",
                "--property", "parse.key=true", "--property", "key.separator=\t"), line);
        assertThat(result.exitCode()).as(result.output()).isZero();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ids(searchFor("kafkaconsoleproducer"))).containsExactly("console-producer-piece"));
        JsonNode stored = search.record(IngestClient.Kind.ARTICLES, "console-producer-piece").json();
        assertThat(stored.get("title").asString()).isEqualTo("Straight to the topic");
        assertThat(stored.get("version").asLong()).isPositive();
    }

    /** Four writers, twenty-five versions each of their own article: 100 writes, each searched for right after. */
    @Test
    void aSearchRightAfterWaitSearchableFindsTheNewVersionEveryTime() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String id = "searchable-wait-" + w;
                done.add(writers.submit(() -> writeAndSearch(id)));
            }
            List<Long> millis = new ArrayList<>();
            for (Future<List<Long>> writer : done) {
                millis.addAll(writer.get());
            }
            assertThat(millis).hasSize(WRITERS * WRITES_EACH);
            millis.sort(null);
            System.out.printf("PUT ?wait=searchable, %d writes: median %d ms, 95th percentile %d ms, max %d ms%n",
                    millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() * 95 / 100),
                    millis.get(millis.size() - 1));
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void statusTellsWhenAWriteBecameSearchable() throws Exception {
        String word = word();
        Answer answer = putProbe("status-probe", word, "");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        long version = answer.version();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode status = ingest.status("article", "status-probe").json();
            assertThat(status.get("acceptedVersion").asLong()).isEqualTo(version);
            assertThat(status.get("searchable").asBoolean()).isTrue();
        });
        assertThat(articleIds(word)).contains("status-probe");
    }

    /** @return how long each write took to answer */
    private static List<Long> writeAndSearch(String id) throws Exception {
        List<Long> millis = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < WRITES_EACH; i++) {
            String word = word();
            long start = System.nanoTime();
            Answer answer = putProbe(id, word, "?wait=searchable&timeout=15s");
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            assertThat(answer.json().path("searchable").asBoolean()).as("%s write %d: %s", id, i, answer.body())
                    .isTrue();
            assertThat(articleIds(word)).as("%s write %d: a search for its new word", id, i).contains(id);
            if (previous != null) {
                assertThat(articleIds(previous)).as("%s write %d: a search for the word it replaced", id, i)
                        .doesNotContain(id);
            }
            previous = word;
        }
        return millis;
    }

    /** A word of sixteen random letters: no other version's word is within a fuzzy match of it. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 14; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    /** The ids of the articles a search finds. */
    private static List<String> articleIds(String query) {
        Answer answer = search.search(query, "&type=article");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("hits").valueStream().map(hit -> hit.get("id").asString()).toList();
    }

    private static Answer putProbe(String id, String word, String query) {
        String article = """
                {"title":"Searchable probe","body":"This version carries the word %s.",
                 "publishedAt":"2026-01-01T00:00:00Z"}""".formatted(word);
        return ingest.put(IngestClient.Kind.ARTICLES, id, article, query);
    }

    private static JsonNode searchFor(String query) {
        Answer answer = search.search(query, "");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode results) {
        return results.get("hits").valueStream().map(hit -> hit.get("id").asString()).toList();
    }

}
