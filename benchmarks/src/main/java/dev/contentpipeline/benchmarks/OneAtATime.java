package dev.contentpipeline.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Searches sent one at a time, each after the previous one answered: what one search costs with nothing else
 * queued, as the goals for Elasticsearch's own time and for {@code /api/suggest} are stated. Each kind is
 * asked over its whole mix once to warm up (suggestions also after many rounds), then {@code rounds} times; a search
 * that fails counts as a failure of its latencies instead of ending the measurement.
 */
final class OneAtATime {

    /**
     * @param latency each search's end-to-end time, as its client saw it
     * @param took the time the answers say the search took: Elasticsearch's {@code took}, summed over the requests
     *        of one search, or search-service's {@code tookMs}
     */
    record Measured(int searches, Latencies latency, Latencies took) {
    }

    private OneAtATime() {
    }

    /** search-service's requests for each query of the mix, sent straight to Elasticsearch in the same order. */
    static Measured direct(String elasticsearchUrl, List<List<CapturedSearches.Captured>> captured, int rounds) {
        return measure(captured.size(), 1, rounds, n -> {
            long took = 0;
            for (CapturedSearches.Captured request : captured.get(n)) {
                Http.Answer answer = Http.send(QueryMix.request(elasticsearchUrl, request)).orThrow("Search");
                took += Math.max(0, SearchLoad.took(answer.body(), "took"));
            }
            return took;
        });
    }

    /** The mix's queries through search-service's {@code /api/search}. */
    static Measured viaSearchService(String searchUrl, QueryMix mix, int rounds) {
        return measure(mix.queries().size(), 1, rounds, n -> SearchLoad.took(Http.send(
                mix.viaSearchService(searchUrl, n)).orThrow("Query " + mix.query(n)).body(), "tookMs"));
    }

    /**
     * The prefixes through search-service's {@code /api/suggest}, which answers with Elasticsearch's took.
     * @param warmUpRounds rounds over the prefixes sent first and not measured
     */
    static Measured suggest(String searchUrl, List<String> prefixes, int warmUpRounds, int rounds) {
        return measure(prefixes.size(), warmUpRounds, rounds, n -> SearchLoad.took(Http.send(Http.to("GET",
                searchUrl + "/api/suggest?q=" + URLEncoder.encode(prefixes.get(n), StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30))).orThrow("Suggest " + prefixes.get(n)).body(), "tookMs"));
    }

    /** @param search sends the n-th search of the mix and returns the milliseconds its answers say it took */
    private static Measured measure(int mixSize, int warmUpRounds, int rounds, IntFunction<Long> search) {
        for (int n = 0; n < mixSize * warmUpRounds; n++) {
            try {
                search.apply(n % mixSize);
            } catch (RuntimeException e) {
                // a warm-up search that failed still warmed something; the measured rounds count failures
            }
        }
        Latencies latency = new Latencies();
        Latencies took = new Latencies();
        for (int round = 0; round < rounds; round++) {
            for (int n = 0; n < mixSize; n++) {
                long started = System.nanoTime();
                try {
                    long millis = search.apply(n);
                    latency.add(System.nanoTime() - started);
                    if (millis >= 0) {
                        took.add(millis * 1_000_000L);
                    }
                } catch (RuntimeException e) {
                    latency.fail();
                }
            }
        }
        if (latency.count() == 0) {
            throw new IllegalStateException("every search sent one at a time failed");
        }
        return new Measured(mixSize * rounds, latency, took);
    }
}
