package dev.contentpipeline.search.hits;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.HighlightField;

/**
 * How Elasticsearch's highlighter marks matched words, the same for searches and suggestions, so that
 * {@link HitReader} can count the marks and take the passage with most.
 */
public final class Highlights {

    public static final String MARK_OPEN = "<mark>";
    public static final String MARK_CLOSE = "</mark>";
    public static final int SNIPPET_LENGTH = 160;

    private Highlights() {
    }

    /** A title or name is marked whole, not cut into passages, by the given query instead of the request's. */
    public static HighlightField whole(Query markedBy) {
        return HighlightField.of(f -> f.numberOfFragments(0).highlightQuery(markedBy));
    }
}
