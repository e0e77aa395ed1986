package dev.contentpipeline.benchmarks;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The fixed mix of queries, and the two ways of asking them: through search-service's API, and straight to
 * Elasticsearch as the equivalent multi_match a developer would write by hand (same indices, fields, boosts,
 * filter, page size, source fields and highlighting; without search-service's typo and prefix alternatives,
 * phrase bonus, facet counts and dfs_query_then_fetch).
 */
final class QueryMix {

    /** search-service's word fields and boosts (SearchFields.WORDS), and the fields a hit shows. */
    static final List<String> FIELDS = List.of("title^4", "name^4", "officialName^3", "aliases^3", "names.*^3",
            "tags^2", "summary^2", "author", "body");
    static final List<String> SHOWN = List.of("type", "id", "code", "title", "name", "officialName", "summary",
            "publishedAt", "language", "countries", "tags", "region");

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

    HttpRequest viaSearchService(String searchUrl, long n) {
        return HttpRequest.newBuilder(URI.create(searchUrl + "/api/search?size=10&q="
                + URLEncoder.encode(query(n), StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).GET().build();
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

    private static HttpRequest request(String elasticsearchUrl, CapturedSearches.Captured captured) {
        return HttpRequest.newBuilder(URI.create(elasticsearchUrl + captured.pathAndQuery()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(captured.body())).build();
    }

    /** A hand-written multi_match, for comparison with what search-service's features cost Elasticsearch. */
    HttpRequest handWritten(String elasticsearchUrl, long n) {
        return HttpRequest.newBuilder(URI.create(elasticsearchUrl
                        + "/articles,countries/_search?ignore_unavailable=true&allow_no_indices=true"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(directBody(query(n)))).build();
    }

    static byte[] directBody(String query) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("size", 11);
        body.put("track_total_hits", 10_000);
        ArrayNode includes = body.putObject("_source").putArray("includes");
        SHOWN.forEach(includes::add);
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode multiMatch = bool.putObject("must").putObject("multi_match");
        multiMatch.put("query", query);
        ArrayNode fields = multiMatch.putArray("fields");
        FIELDS.forEach(fields::add);
        multiMatch.put("type", "best_fields");
        multiMatch.put("operator", "and");
        multiMatch.put("tie_breaker", 0.3);
        multiMatch.put("lenient", true);
        bool.putObject("filter").putObject("term").put("deleted", false);
        ObjectNode highlight = body.putObject("highlight");
        highlight.put("encoder", "html");
        highlight.putArray("pre_tags").add("<mark>");
        highlight.putArray("post_tags").add("</mark>");
        highlight.put("require_field_match", true);
        highlight.put("order", "score");
        ObjectNode highlighted = highlight.putObject("fields");
        highlighted.putObject("title").put("number_of_fragments", 0);
        for (String field : List.of("body", "summary")) {
            highlighted.putObject(field).put("fragment_size", 160).put("number_of_fragments", 1)
                    .put("no_match_size", 160);
        }
        return Http.JSON.writeValueAsBytes(body);
    }
}
