package dev.contentpipeline.search.suggest;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.IndexFields;
import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.hits.Highlights;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Search as you type over titles and country names: every word typed must begin a word of the same field, the
 * last as a prefix, the others with typos forgiven ({@code multi_match} of type {@code bool_prefix}).
 */
@Component
class SuggestQueryFactory {

    static final List<String> SHOWN = List.of("type", "id", "title", "name", "region", "publishedAt");

    private final ContentNames.Aliases aliases;

    SuggestQueryFactory(ContentNames names) {
        this.aliases = names.aliases();
    }

    SearchRequest suggest(String text, List<String> types, int size) {
        boolean cjk = SearchFields.hasCjk(text);
        List<String> fields = SearchFields.forScripts(SearchFields.SUGGEST, cjk);
        return SearchRequest.of(s -> {
            s.index(List.of(aliases.articles(), aliases.countries()))
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    // Readers type the same beginnings ("ha", "har", "harb"): Elasticsearch keeps each shard's answer
                    // until its next refresh, which it does for a request with hits only when the request asks.
                    .requestCache(true)
                    .size(size)
                    .trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.filter(f -> f.includes(SHOWN)))
                    .query(q -> q.bool(b -> {
                        b.must(m -> m.multiMatch(mm -> mm
                                        .query(text)
                                        .type(TextQueryType.BoolPrefix)
                                        .fields(fields)
                                        .operator(Operator.And)
                                        .fuzziness(SearchFields.fuzziness())
                                        .lenient(true)))
                                .filter(f -> f.term(t -> t.field(IndexFields.DELETED).value(false)));
                        if (!types.isEmpty()) {
                            b.filter(f -> f.terms(t -> t.field(SearchFields.TYPE)
                                    .terms(v -> v.value(types.stream().map(FieldValue::of).toList()))));
                        }
                        // The exact name first: "china" before "Chinese dumplings in Hegang".
                        b.should(sh -> sh.multiMatch(mm -> mm.query(text).type(TextQueryType.Phrase)
                                .fields(fields).lenient(true).boost(2.0f)));
                        return b;
                    }));
            if (cjk) {
                // Only the bigrams of Chinese, Japanese and Korean: search-service marks the other words itself
                // (TypoMarks.ofSuggestion), as Elasticsearch's highlighting of 6 fields was about a third of its CPU per
                // suggestion. Each field marked by the suggestion's words in that field alone.
                s.highlight(h -> {
                    h.encoder(HighlighterEncoder.Html)
                            .preTags(Highlights.MARK_OPEN).postTags(Highlights.MARK_CLOSE)
                            .requireFieldMatch(true);
                    SearchFields.TITLE_HIGHLIGHTS.stream().filter(field -> field.endsWith(".cjk"))
                            .forEach(field -> h.fields(field, Highlights.whole(Query.of(q -> q.multiMatch(mm -> mm
                                    .query(text).type(TextQueryType.BoolPrefix).fields(field)
                                    .fuzziness(SearchFields.fuzziness()).lenient(true))))));
                    return h;
                });
            }
            return s;
        });
    }
}
