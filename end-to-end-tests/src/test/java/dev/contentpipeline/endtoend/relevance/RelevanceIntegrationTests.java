package dev.contentpipeline.endtoend.relevance;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;
import dev.contentpipeline.client.SearchClient;
import dev.contentpipeline.endtoend.RunningServices;
import dev.contentpipeline.localstack.IngestApiKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relevance suite: all of sample-content (the country records and the articles) published through the ingest
 * API, then each query of {@code relevance/queries.json} asked of the search API, with its expected results. Prints
 * a table with the mean reciprocal rank and recall at 3, and fails on any query that misses. A second test asks for
 * each country by each of its names (the seed's spelling, short, official, former names and aliases, and its name in
 * every language of {@code names}), each at rank 1 unless {@link NameException} lists it with its reason, and none
 * offered a "did you mean".
 * The services run on topics and aliases of their own, so other test classes' records stay out of the ranking.
 */
class RelevanceIntegrationTests {

    /** Topics, aliases and a consumer group of the suite's own. */
    private static final Map<String, String> ISOLATED_SETTINGS = Map.of(
            "CONTENT_TOPICS_ARTICLES", "relevance.articles", "CONTENT_TOPICS_COUNTRIES", "relevance.countries",
            "CONTENT_ALIASES_ARTICLES", "relevance-articles", "CONTENT_ALIASES_COUNTRIES", "relevance-countries",
            "SPRING_KAFKA_CONSUMER_GROUP_ID", "relevance-index-service");

    private static final int CONCURRENT_QUERIES = 4;

    private static RunningServices services;
    private static IngestClient ingest;
    private static SearchClient search;

    @BeforeAll
    static void startServicesAndPublishTheSampleContent() throws Exception {
        IngestApiKey key = IngestApiKey.random("relevance");
        // Generous: on a small machine busy with other builds three Spring Boot services start slowly.
        services = RunningServices.start("relevance", key, ISOLATED_SETTINGS,
                Duration.ofSeconds(300));
        ingest = new IngestClient(services.ingestUrl(), key.key());
        search = new SearchClient(services.searchUrl());

        SampleContent content = SampleContent.read(Path.of(System.getProperty("pipeline.sample-content")));
        // Countries first, so that each article is indexed with its countries' names.
        publishAll(IngestClient.Kind.COUNTRIES, content.countries(), Duration.ofSeconds(300));
        publishAll(IngestClient.Kind.ARTICLES, content.articles(), Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void everyQueryOfTheSuiteFindsItsExpectedResults() throws Exception {
        RelevanceReport report = ask(RelevanceQuery.load(), new ConcurrentHashMap<>());

        System.out.println("Relevance suite (" + RelevanceQuery.RESOURCE + ")\n" + report.table(false));
        System.out.printf("MRR %.3f, recall@3 %.3f over %d queries%n", report.meanReciprocalRank(),
                report.recallAt3(), report.size());
        assertThat(report.size()).isGreaterThanOrEqualTo(40);
        assertThat(report.failures()).as("queries that missed their expected results:%n%s", report.table(true))
                .isEmpty();
    }

    @Test
    void everyCountryIsFoundFirstByEachOfItsNames() throws Exception {
        List<NameException> exceptions = NameException.load();
        // One query per distinct name of a country: many languages share a spelling ("Kenya" in en, id, it, sw),
        // and asking the same words again for the same country proves nothing more. Its kinds list them all.
        Map<List<String>, List<String>> kindsByNameAndCode = new LinkedHashMap<>();
        Set<NameException> used = new HashSet<>();
        int names = 0;
        for (SampleContent.CountryNames country : SampleContent.read(
                Path.of(System.getProperty("pipeline.sample-content"))).countryNames()) {
            for (Map.Entry<String, String> name : country.names()) {
                names++;
                List<NameException> covering = exceptions.stream()
                        .filter(exception -> exception.covers(country.code(), name.getValue())).toList();
                used.addAll(covering);
                if (covering.isEmpty()) {
                    kindsByNameAndCode.computeIfAbsent(List.of(name.getValue(), country.code()), key -> new ArrayList<>())
                            .add(name.getKey());
                }
            }
        }
        List<RelevanceQuery> queries = new ArrayList<>();
        kindsByNameAndCode.forEach((nameAndCode, kinds) -> queries.add(
                RelevanceQuery.forCountry(String.join(",", kinds), nameAndCode.get(0), nameAndCode.get(1))));

        Map<String, String> respelled = new ConcurrentHashMap<>();
        RelevanceReport report = ask(queries, respelled);

        System.out.println("Countries by each of their names, every language of sample-content included\n"
                + report.table(true));
        System.out.printf("Countries by each of their names: MRR %.3f, recall@3 %.3f over %d queries (the %d distinct "
                + "names of %d names in all), %d listed exceptions (%s)%n", report.meanReciprocalRank(),
                report.recallAt3(), report.size(), report.size(), names, exceptions.size(), NameException.RESOURCE);
        assertThat(exceptions).as("exceptions that name no name of their country")
                .containsExactlyInAnyOrderElementsOf(used);
        assertThat(report.failures()).as("names that did not find their country first (fix the ranking, or list "
                + "the name with its reason in %s):%n%s", NameException.RESOURCE, report.table(true)).isEmpty();
        assertThat(respelled).as("names typed in full that were offered a \"did you mean\" (name -> respelling)")
                .isEmpty();
    }

    /**
     * Asks every query, a few at a time (the suite is over a thousand queries), and reports them in order.
     *
     * @param respelled gets each query the search answered with a "did you mean", and the respelling
     */
    private static RelevanceReport ask(List<RelevanceQuery> queries, Map<String, String> respelled) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_QUERIES);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (RelevanceQuery query : queries) {
                answers.add(pool.submit(() -> idsFound(query, respelled)));
            }
            RelevanceReport report = new RelevanceReport();
            for (int i = 0; i < queries.size(); i++) {
                report.add(queries.get(i), answers.get(i).get());
            }
            return report;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> idsFound(RelevanceQuery query, Map<String, String> respelled) {
        String type = query.type() == null ? "" : "&type=" + query.type();
        // No more hits than the query's rank and recall@3 need (each hit costs a highlight) and no facet counts (a
        // second pass over the matches): the name check asks thousands of queries.
        Answer answer = search.search(query.query(), "&size=" + Math.max(RelevanceReport.CUTOFF, query.within()) + type
                + "&facets=none");
        assertThat(answer.status()).as("%s: %s", query.query(), answer).isEqualTo(200);
        if (answer.json().has("didYouMean")) {
            respelled.put(query.query(), answer.json().get("didYouMean").get("query").asString());
        }
        return answer.json().get("hits").valueStream().map(hit -> hit.get("id").asString()).toList();
    }

    /**
     * PUTs each record, again while ingest answers 503 (the broker slow to acknowledge, as when a topic is first
     * created; writes are idempotent by id), then waits until search serves every one of them.
     */
    private static void publishAll(IngestClient.Kind kind, Map<String, String> records, Duration timeout) {
        for (Map.Entry<String, String> record : records.entrySet()) {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        Answer answer = ingest.put(kind, record.getKey(), record.getValue());
                        assertThat(answer.status()).as("PUT %s %s: %s", kind, record.getKey(), answer).isEqualTo(202);
                    });
        }
        Set<String> pending = new HashSet<>(records.keySet());
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            pending.removeIf(id -> search.record(kind, id).is(200));
            assertThat(pending).as("%s not yet searchable", kind).isEmpty();
        });
    }
}
