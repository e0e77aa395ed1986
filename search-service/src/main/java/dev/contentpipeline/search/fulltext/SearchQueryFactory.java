package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.SearchType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterOrder;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.IndexFields;
import dev.contentpipeline.search.SearchProperties;
import dev.contentpipeline.search.countries.Countries;
import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.fulltext.TextQueries.Tolerance;
import dev.contentpipeline.search.hits.Highlights;
import dev.contentpipeline.search.userquery.UserQuery;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Builds the Elasticsearch requests for a search: the reader's text as bool/match queries (never query-string
 * syntax), deleted markers left out, facet filters and counts, an order with a unique tiebreaker, a page or a
 * {@code search_after} cursor, and highlighting of the best passage.
 */
@Component
class SearchQueryFactory {

    /**
     * The snippet comes from the first this many characters of a field. Where the postings have no offsets (a
     * country's fields, every field of an index made before v4) the highlighter analyses the text again for every
     * hit and every highlighted sub-field, which on long bodies costs more than the search itself; the sub-fields an
     * article is highlighted from keep offsets since v4, read from the index instead (Elasticsearch applies the limit
     * to both).
     */
    static final int HIGHLIGHT_WITHIN = 10_000;
    /** What a hit shows; the body stays out, it may be a megabyte. */
    static final List<String> SHOWN = List.of("type", "id", "code", "title", "name", "officialName", "summary",
            "publishedAt", "language", "countries", "tags", "region");

    private final SearchProperties properties;
    private final ContentNames.Aliases aliases;

    SearchQueryFactory(SearchProperties properties, ContentNames names) {
        this.properties = properties;
        this.aliases = names.aliases();
    }

    List<String> indices() {
        return List.of(aliases.articles(), aliases.countries());
    }

    /** @param tolerance how strictly the words must match (see {@link TextQueries#of(UserQuery, Tolerance)}) */
    SearchRequest search(SearchParameters params, Countries countries, Tolerance tolerance) {
        Query filtered = matching(params, tolerance);
        Query postFilter = FacetFilters.selected(params.filters(), countries, null);
        // One hit more than asked tells whether there is a next page, within the window Elasticsearch serves.
        int extra = params.from() + params.size() < SearchParameters.MAX_WINDOW ? 1 : 0;
        return SearchRequest.of(s -> {
            s.index(indices()).ignoreUnavailable(true).allowNoIndices(true)
                    // Word frequencies over both indices, not per index: a word common among countries but rare
                    // among articles would otherwise lift every article that has it above the countries.
                    .searchType(SearchType.DfsQueryThenFetch)
                    .query(filtered)
                    .sort(params.sorting().sortOptions())
                    .trackScores(true)
                    .size(params.size() + extra)
                    .trackTotalHits(t -> t.count(properties.trackTotalHitsUpTo()))
                    .source(src -> src.filter(f -> f.includes(SHOWN)))
                    .highlight(h -> {
                        h.encoder(HighlighterEncoder.Html)
                                .preTags(Highlights.MARK_OPEN).postTags(Highlights.MARK_CLOSE)
                                .requireFieldMatch(true).order(HighlighterOrder.Score)
                                .maxAnalyzedOffset(HIGHLIGHT_WITHIN);
                        boolean cjk = TextQueries.hasCjk(params.parsed());
                        SearchFields.forScripts(SearchFields.TITLE_HIGHLIGHTS, cjk).forEach(field -> h.fields(field,
                                Highlights.whole(TextQueries.forHighlighting(params.parsed(), field))));
                        SearchFields.forScripts(SearchFields.SNIPPET, cjk).forEach(field -> h.fields(field,
                                passage(field, TextQueries.forHighlighting(params.parsed(), field))));
                        return h;
                    });
            if (postFilter != null) {
                s.postFilter(postFilter);
            }
            if (params.cursor() != null) {
                s.searchAfter(params.cursor().after());
            } else {
                s.from(params.from());
            }
            return s;
        });
    }

    /**
     * The facet counts of a search, in a request of their own: without hits it is one Elasticsearch keeps in its
     * request cache until the next refresh, so the counts of a query asked again (the next page, a popular query)
     * cost nothing, and the search itself no longer visits every match for them.
     */
    SearchRequest facets(SearchParameters params, Countries countries, Tolerance tolerance) {
        return SearchRequest.of(s -> s.index(indices()).ignoreUnavailable(true).allowNoIndices(true)
                .requestCache(true).size(0).trackTotalHits(t -> t.enabled(false))
                .query(matching(params, tolerance))
                .aggregations(FacetFilters.aggregations(params.filters(), params.counted(), countries)));
    }

    /** The reader's text as strictly as asked, deleted markers left out: what both the hits and the counts are of. */
    private static Query matching(SearchParameters params, Tolerance tolerance) {
        return Query.of(q -> q.bool(b -> b.must(TextQueries.of(params.parsed(), tolerance))
                .filter(f -> f.term(t -> t.field(IndexFields.DELETED).value(false)))));
    }

    /** How many hits a query and filters find, for "did you mean". */
    SearchRequest count(UserQuery query, SearchParameters params, Countries countries) {
        Query filters = FacetFilters.selected(params.filters(), countries, null);
        return SearchRequest.of(s -> s.index(indices()).ignoreUnavailable(true).allowNoIndices(true).size(0)
                .trackTotalHits(t -> t.count(properties.trackTotalHitsUpTo()))
                .query(q -> q.bool(b -> {
                    b.must(TextQueries.of(query)).filter(f -> f.term(t -> t.field(IndexFields.DELETED).value(false)));
                    if (filters != null) {
                        b.filter(filters);
                    }
                    return b;
                })));
    }

    private static HighlightField passage(String field, Query markedBy) {
        int noMatch = SearchFields.SNIPPET_WITHOUT_MATCH.contains(field) ? Highlights.SNIPPET_LENGTH : 0;
        return HighlightField.of(f -> f.fragmentSize(Highlights.SNIPPET_LENGTH).numberOfFragments(1)
                .noMatchSize(noMatch).highlightQuery(markedBy));
    }
}
