package dev.contentpipeline.search.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.IndexFields;
import dev.contentpipeline.search.SearchProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Elasticsearch request for a reader's query. The text goes into a {@code multi_match}, never into
 * query-string syntax, so nothing a reader types is read as Elasticsearch syntax. Titles and names weigh more
 * than summaries, summaries more than bodies; deleted markers never match.
 */
@Component
class SearchQueryFactory {

    static final List<String> FIELDS = List.of(
            "title^3", "name^3", "officialName^2", "aliases^2", "names.*^2", "summary^1.5", "body");
    static final List<String> HIGHLIGHTED = List.of("body", "summary", "title", "name", "aliases");
    static final String MARK_OPEN = "<mark>";
    static final String MARK_CLOSE = "</mark>";

    private final SearchProperties properties;

    SearchQueryFactory(SearchProperties properties) {
        this.properties = properties;
    }

    SearchRequest build(SearchRequestParams params) {
        return SearchRequest.of(s -> s
                .index(indices(params.type()))
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .from(params.from())
                .size(params.size())
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b
                        .must(m -> m.multiMatch(mm -> mm
                                .query(params.query())
                                .fields(FIELDS)
                                .type(TextQueryType.BestFields)
                                .tieBreaker(0.3)
                                .operator(Operator.Or)))
                        .filter(f -> f.term(t -> t.field(IndexFields.DELETED).value(false)))))
                .highlight(h -> {
                    h.encoder(HighlighterEncoder.Html).preTags(MARK_OPEN).postTags(MARK_CLOSE)
                            .fragmentSize(180).numberOfFragments(1).requireFieldMatch(true);
                    HIGHLIGHTED.forEach(field -> h.fields(field, f -> f));
                    return h;
                }));
    }

    private List<String> indices(ContentType type) {
        List<String> indices = new ArrayList<>(2);
        if (type == null || type == ContentType.ARTICLE) {
            indices.add(properties.aliases().articles());
        }
        if (type == null || type == ContentType.COUNTRY) {
            indices.add(properties.aliases().countries());
        }
        return indices;
    }
}
