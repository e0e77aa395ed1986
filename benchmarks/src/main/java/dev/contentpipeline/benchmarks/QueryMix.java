package dev.contentpipeline.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The fixed mix of queries, and the two ways of asking them: through search-service's API, and straight to
 * Elasticsearch as the very requests search-service sends for them ({@link CapturedSearches}).
 */
final class QueryMix {

    private final List<String> queries;

    QueryMix(SyntheticCorpus corpus) {
        List<String> mix = new ArrayList<>(List.of("harbour", "coal", "winter festival", "railway station",
                "climate", "tea", "river bridge", "election", "copper mine", "solar panels", "museum", "dumplings",
                "coal miners strike", "north coast"));
        // Words from the long tail: few articles have them.
        mix.add(corpus.word(800));
        mix.add(corpus.word(2_500));
        this.queries = List.copyOf(mix);
    }

    List<String> queries() {
        return queries;
    }

    String query(long n) {
        return queries.get((int) (n % queries.size()));
    }

    Http.Request viaSearchService(String searchUrl, long n) {
        return Http.to("GET", searchUrl + "/api/search?size=10&q=" + URLEncoder.encode(query(n), StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30));
    }

    /**
     * The requests search-service sent Elasticsearch for the same query, sent straight to Elasticsearch one after
     * another as the service sends them; completes with the first (the search) answer.
     */
    CompletableFuture<Http.Answer> direct(String elasticsearchUrl, List<List<CapturedSearches.Captured>> captured,
            long n) {
        List<CapturedSearches.Captured> requests = captured.get((int) (n % captured.size()));
        CompletableFuture<Http.Answer> first = Http.sendAsync(request(elasticsearchUrl, requests.get(0)));
        CompletableFuture<Http.Answer> chain = first;
        for (CapturedSearches.Captured next : requests.subList(1, requests.size())) {
            chain = chain.thenCompose(previous -> Http.sendAsync(request(elasticsearchUrl, next)));
        }
        return chain.thenCompose(last -> first);
    }

    /**
     * What a reader types into the search box before picking a suggestion: the first two to four letters of the
     * mix's words, and the beginnings of a few country names (of one word and of two).
     */
    List<String> prefixes() {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String query : queries) {
            for (String word : query.split(" ")) {
                for (int length = 2; length <= Math.min(4, word.length()); length++) {
                    prefixes.add(word.substring(0, length));
                }
            }
        }
        prefixes.addAll(List.of("chi", "ger", "bra", "ind", "jap", "new z", "sout", "south a", "united k"));
        return List.copyOf(prefixes);
    }

    static Http.Request request(String elasticsearchUrl, CapturedSearches.Captured captured) {
        return Http.request(elasticsearchUrl + captured.pathAndQuery(), "application/json", captured.body())
                .timeout(Duration.ofSeconds(30));
    }
}
