package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.contentpipeline.search.SearchProperties;
import dev.contentpipeline.search.answers.JsonAnswer;
import dev.contentpipeline.search.countries.Countries;
import dev.contentpipeline.search.countries.CountryCache;
import dev.contentpipeline.search.door.SearchAnswer;
import dev.contentpipeline.search.door.SearchGate;
import dev.contentpipeline.search.fulltext.TextQueries.Tolerance;
import dev.contentpipeline.search.hits.HitReader;
import dev.contentpipeline.search.hits.TypoMarks;
import dev.contentpipeline.search.problems.ParameterReader;
import dev.contentpipeline.search.problems.SearchEndpoint;
import dev.contentpipeline.search.spelling.SpellingSuggestions;
import dev.contentpipeline.search.userquery.QueryParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/search}: full text over titles, summaries, bodies, country names and aliases, with facets,
 * sorting, pages and cursors. Every parameter is read by hand, so that any mistake is a 400 that says what to fix.
 */
@RestController
@RequestMapping("/api")
@SearchEndpoint
class SearchController {

    private final SearchGate gate;
    private final SearchQueryFactory queries;
    private final MultiSearchBodies bodies;
    private final CountryCache directory;
    private final SpellingSuggestions spelling;
    private final SearchProperties properties;
    private final JsonAnswer answer;

    SearchController(SearchGate gate, SearchQueryFactory queries, MultiSearchBodies bodies, CountryCache directory,
                     SpellingSuggestions spelling, SearchProperties properties, JsonAnswer answer) {
        this.gate = gate;
        this.queries = queries;
        this.bodies = bodies;
        this.directory = directory;
        this.spelling = spelling;
        this.properties = properties;
        this.answer = answer;
    }

    /** Its parameters are described by {@link SearchDocumentation}; it reads them and writes its answer itself. */
    @GetMapping("/search")
    @Operation(responses = @ApiResponse(responseCode = "200", description = "The hits of one page, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SearchResults.class))))
    void search(HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        answer.write(request, response, search(ParameterReader.parameters(request)));
    }

    private SearchResults search(MultiValueMap<String, String> parameters) throws IOException {
        Countries countries = directory.countries();
        SearchParameters params = SearchParameters.read(parameters, properties, countries.regions());
        long started = System.nanoTime();
        SearchGate.Deadline deadline = gate.start();
        Tolerance tolerance = firstTolerance(params);
        Found answer = find(deadline, params, countries, tolerance);
        if (tolerance == Tolerance.AS_TYPED && total(answer.hits()) < properties.typosBelow()
                && deadline.allowsMore(gate.requestTimeout())) {
            // Too few hits for the words as typed: the same search with typos (their automata are what a search
            // over many segments costs most, so a query that finds enough as typed does without them).
            tolerance = Tolerance.TYPOS;
            answer = find(deadline, params, countries, tolerance);
        }
        long strictTotal = total(answer.hits());
        // A name, alias or title typed in full needs no respelling, however few records it finds ("Eire" is
        // Ireland, not "entire"); asking for one would also cost two suggest requests and a count.
        boolean typedInFull = !answer.hits().hits().isEmpty()
                && answer.hits().hits().get(0).matchedQueries().contains(TextQueries.WHOLE_VALUE);
        boolean relaxed = false;
        if (strictTotal == 0 && params.parsed().required().size() > 1 && params.cursor() == null
                && deadline.allowsMore(gate.requestTimeout())) {
            // Nothing has every word: answer with what has all but one, as a reader of Meilisearch expects.
            Found most = find(deadline, params, countries, Tolerance.ALL_BUT_ONE);
            if (total(most.hits()) > 0) {
                answer = most;
                tolerance = Tolerance.ALL_BUT_ONE;
                relaxed = true;
            }
        }
        SearchAnswer response = answer.hits();
        SearchAnswer facets = answer.facets();
        List<SearchAnswer.StoredHit> found = response.hits();
        List<SearchAnswer.StoredHit> served = found.size() > params.size() ? found.subList(0, params.size()) : found;
        // Pages of relaxed results go by page number; a cursor would go on with every word required.
        String nextCursor = found.size() > params.size() && !relaxed
                ? new Cursor(params.sorting(), params.fingerprint(), sortValues(served.get(served.size() - 1)),
                        tolerance == Tolerance.TYPOS).encode()
                : null;
        long total = response.total() == null ? served.size() : response.total().value();
        boolean exact = response.total() == null || response.total().exact();
        SearchResults.DidYouMean didYouMean = strictTotal < properties.didYouMeanBelow() && !typedInFull
                && params.cursor() == null && deadline.allowsMore(gate.requestTimeout())
                ? didYouMean(deadline, params, strictTotal, countries).orElse(null) : null;
        boolean firstPage = params.page() != null && params.page() == 1;
        TypoMarks typos = tolerance == Tolerance.AS_TYPED ? TypoMarks.none() : TypoMarks.of(params.parsed());
        return new SearchResults(params.query(), total, exact,
                Math.max(response.took(), (System.nanoTime() - started) / 1_000_000),
                params.page(), params.size(), params.sorting().wireName(),
                served.stream().map(hit -> HitReader.read(hit, typos)).toList(),
                FacetCounts.read(facets == null ? Map.of() : facets.bucketCounts(), params, countries),
                nextCursor, didYouMean, firstPage ? countries.namedIn(params.parsed()).orElse(null) : null,
                notices(params, relaxed));
    }

    /**
     * The words as typed first, unless typos are looked for at once ({@code search.typos-below} 0), a typo could
     * change nothing (no word of five letters or more), or the pages before were found with typos.
     */
    private Tolerance firstTolerance(SearchParameters params) {
        boolean typosFirst = properties.typosBelow() == 0 || !TextQueries.allowsTypos(params.parsed())
                || (params.cursor() != null && params.cursor().typos());
        return typosFirst ? Tolerance.TYPOS : Tolerance.AS_TYPED;
    }

    /**
     * The hits of a search and, if the request asks for any, its facet counts, in one round trip: the counts are a
     * hitless request of their own (see {@link SearchQueryFactory#facets}), sent with the search as one
     * {@code _msearch}, so Elasticsearch runs the two side by side. If the search is then asked again (with typos,
     * or all but one word), its counts come again with it; those of a search that found little cost little.
     */
    private Found find(SearchGate.Deadline deadline, SearchParameters params, Countries countries,
            Tolerance tolerance) throws IOException {
        List<SearchAnswer> answers = gate.findAll(deadline, bodies.body(params, countries, tolerance));
        return new Found(answers.get(0), answers.size() > 1 ? answers.get(1) : null);
    }

    /** @param facets the answer of the facet request, or null if none was asked */
    private record Found(SearchAnswer hits, SearchAnswer facets) {
    }

    private static long total(SearchAnswer response) {
        return response.total() == null ? response.hits().size() : response.total().value();
    }

    /** A respelling of the query, offered only if it finds more than the query did. */
    private Optional<SearchResults.DidYouMean> didYouMean(SearchGate.Deadline deadline, SearchParameters params,
            long found, Countries countries) throws IOException {
        Optional<String> respelled = spelling.respell(deadline, params.parsed());
        if (respelled.isEmpty() || !deadline.allowsMore(gate.requestTimeout())) {
            return Optional.empty();
        }
        SearchResponse<Void> count = gate.search(deadline,
                queries.count(QueryParser.parse(respelled.get()), params, countries), Void.class);
        long total = count.hits().total() == null ? 0 : count.hits().total().value();
        return total > found ? Optional.of(new SearchResults.DidYouMean(respelled.get(), total)) : Optional.empty();
    }

    /** The sort values of a hit as the client writes them in {@code search_after}. */
    private static List<FieldValue> sortValues(SearchAnswer.StoredHit hit) {
        return hit.sort().stream().map(SearchController::fieldValue).toList();
    }

    private static FieldValue fieldValue(Object value) {
        if (value == null) {
            return FieldValue.NULL;
        }
        if (value instanceof Double || value instanceof Float) {
            return FieldValue.of(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return FieldValue.of(number.longValue());
        }
        return value instanceof Boolean bool ? FieldValue.of(bool) : FieldValue.of(value.toString());
    }

    private static List<String> notices(SearchParameters params, boolean relaxed) {
        List<String> notices = new ArrayList<>();
        if (relaxed) {
            notices.add("Nothing matches every word; these results match all but one.");
        }
        if (!params.parsed().ignored().isEmpty()) {
            notices.add("Only the first " + QueryParser.MAX_TERMS + " words are searched; left out: "
                    + String.join(" ", params.parsed().ignored()));
        }
        if (params.parsed().isEmpty()) {
            notices.add("The query has no letters or digits to search for.");
        }
        return notices;
    }
}
