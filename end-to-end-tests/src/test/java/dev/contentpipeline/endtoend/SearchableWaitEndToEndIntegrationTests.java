package dev.contentpipeline.endtoend;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;
import dev.contentpipeline.client.SearchClient;
import dev.contentpipeline.localstack.IngestApiKey;
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
 * "Searchable yet?" across the three services: a PUT with {@code wait=searchable} returns only once a search
 * through search-service finds the new version, every time; GET /api/status says when a write became searchable.
 */
class SearchableWaitEndToEndIntegrationTests {

    private static final IngestApiKey API_KEY = IngestApiKey.random("searchablewait");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WRITERS = 4;
    private static final int WRITES_EACH = 25;

    private static RunningServices services;
    private static IngestClient ingest;
    private static SearchClient search;

    @BeforeAll
    static void startServices() throws Exception {
        // Generous: the three start side by side on a machine that may be busy with other builds.
        services = RunningServices.start("searchable-wait", API_KEY, Map.of(), Duration.ofSeconds(300));
        ingest = new IngestClient(services.ingestUrl(), API_KEY.key());
        search = new SearchClient(services.searchUrl());
        // The first write also waits for the indexer to join its group and get its partitions.
        await().atMost(Duration.ofSeconds(90)).until(() ->
                put("searchable-warm-up", word(), "?wait=searchable&timeout=5s").json().path("searchable").asBoolean());
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
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
        Answer answer = put("status-probe", word, "");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        long version = answer.version();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode status = ingest.status("article", "status-probe").json();
            assertThat(status.get("acceptedVersion").asLong()).isEqualTo(version);
            assertThat(status.get("searchable").asBoolean()).isTrue();
        });
        assertThat(ids(word)).contains("status-probe");
    }

    /** @return how long each write took to answer */
    private static List<Long> writeAndSearch(String id) throws Exception {
        List<Long> millis = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < WRITES_EACH; i++) {
            String word = word();
            long start = System.nanoTime();
            Answer answer = put(id, word, "?wait=searchable&timeout=15s");
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            assertThat(answer.json().path("searchable").asBoolean()).as("%s write %d: %s", id, i, answer.body())
                    .isTrue();
            assertThat(ids(word)).as("%s write %d: a search for its new word", id, i).contains(id);
            if (previous != null) {
                assertThat(ids(previous)).as("%s write %d: a search for the word it replaced", id, i)
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

    private static List<String> ids(String query) {
        Answer answer = search.search(query, "&type=article");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("hits").valueStream().map(hit -> hit.get("id").asString()).toList();
    }

    private static Answer put(String id, String word, String query) {
        String article = """
                {"title":"Searchable probe","body":"This version carries the word %s.",
                 "publishedAt":"2026-01-01T00:00:00Z"}""".formatted(word);
        return ingest.put(IngestClient.Kind.ARTICLES, id, article, query);
    }

}
