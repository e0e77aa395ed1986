package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.userquery.UserQuery;
import dev.contentpipeline.search.userquery.UserQuery.Clause;
import dev.contentpipeline.search.userquery.UserQuery.Term;
import dev.contentpipeline.search.userquery.UserQuery.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a parsed query into Elasticsearch's bool, match and match_phrase queries. Each clause must match in
 * some field (a word exactly, with typos or, the last one, as a prefix); quoted phrases match exactly; the whole
 * query found as a whole name or title, or as a phrase, earns a bonus. Typo'd and prefix matches score below exact ones.
 */
final class TextQueries {

    /**
     * How strictly a search matches the reader's words, each step asked only when the one before found too little
     * (see {@code SearchController}).
     */
    enum Tolerance {
        /** Every clause, each word as typed (in full or, the last one, as the beginning of a word). */
        AS_TYPED,
        /** Every clause, each word also with typos. */
        TYPOS,
        /** All clauses but one, each word also with typos. */
        ALL_BUT_ONE
    }

    /**
     * The name of the clause that finds the whole query as a whole value (a name, an alias, a title typed in full):
     * a hit that matched it was found by what the reader typed, exactly.
     */
    static final String WHOLE_VALUE = "whole-value";

    private TextQueries() {
    }

    /**
     * The query for the reader's text, with typos: everything but the exclusions when only those were typed.
     */
    static Query of(UserQuery query) {
        return of(query, Tolerance.TYPOS);
    }

    /** Whether a word of the query is long enough to be looked for with typos: if not, typos change nothing. */
    static boolean allowsTypos(UserQuery query) {
        return query.required().stream().flatMap(clause -> clause.anyOf().stream())
                .anyMatch(term -> term instanceof Word word && SearchFields.takesTypos(word.text()));
    }

    /**
     * What the highlighter marks in one field: each word and phrase typed, looked for in that field only; the last
     * word as a prefix only where the search looks for prefixes. Words found with typos are not marked by
     * Elasticsearch (that was half of its highlighting's cost): search-service marks them in titles and names
     * itself ({@code TypoMarks}). Each highlighted field gets its own small query: given the whole search query, the
     * highlighter walked all its clauses (some 60 fields, typo automata included) for every field of every hit,
     * which cost Elasticsearch more than the search itself.
     *
     * @param field a field or field pattern ({@code names.*.folded}), without a boost
     */
    static Query forHighlighting(UserQuery query, String field) {
        boolean prefixes = SearchFields.PREFIXES.stream().anyMatch(f -> SearchFields.withoutBoost(f).equals(field));
        List<Query> marks = new ArrayList<>();
        for (Term term : query.positiveTerms()) {
            if (!(term instanceof Word word)) {
                marks.add(inField(field, term.text(), TextQueryType.Phrase));
                continue;
            }
            marks.add(inField(field, word.text(), TextQueryType.BestFields));
            if (prefixes && word.prefix()) {
                marks.add(inField(field, word.text(), TextQueryType.PhrasePrefix));
            }
        }
        if (marks.isEmpty()) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        return marks.size() == 1 ? marks.get(0) : Query.of(q -> q.bool(b -> b.should(marks)));
    }

    /**
     * Whether a term of the query, looked for or excluded, has Chinese, Japanese or Korean letters: the one answer
     * the search, its highlighter and its counts share on whether the {@code .cjk} sub-fields take part.
     */
    static boolean hasCjk(UserQuery query) {
        return Stream.concat(query.positiveTerms().stream(), query.excluded().stream())
                .anyMatch(term -> SearchFields.hasCjk(term.text()));
    }

    private static Query inField(String field, String text, TextQueryType type) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(field).type(type).lenient(true)));
    }

    /**
     * @param tolerance {@link Tolerance#ALL_BUT_ONE}: all clauses but one must match instead of every clause (for a
     *        query of two or more clauses that found nothing, as Meilisearch drops words rather than answer with
     *        nothing), and hits that match more clauses score higher; {@link Tolerance#AS_TYPED}: no typos
     */
    static Query of(UserQuery query, Tolerance tolerance) {
        if (query.isEmpty()) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        boolean relaxed = tolerance == Tolerance.ALL_BUT_ONE;
        Scripted fields = Scripted.of(query, tolerance != Tolerance.AS_TYPED);
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (query.required().isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        }
        if (relaxed && query.required().size() > 1) {
            List<Query> clauses = query.required().stream().map(clause -> clause(clause, fields)).toList();
            bool.must(m -> m.bool(b -> b.should(clauses)
                    .minimumShouldMatch(Integer.toString(clauses.size() - 1))));
        } else {
            query.required().forEach(clause -> bool.must(clause(clause, fields)));
        }
        query.excluded().forEach(term -> bool.mustNot(exactly(term, fields)));
        List<String> words = query.plainWords();
        if (!words.isEmpty()) {
            // A name or title typed in full outranks every record that merely shares its words.
            bool.should(s -> s.multiMatch(m -> m
                    .query(String.join(" ", words))
                    .type(TextQueryType.BestFields)
                    .fields(SearchFields.WHOLE_VALUES)
                    .lenient(true)
                    .boost(SearchFields.WHOLE_VALUE_BOOST)
                    .queryName(WHOLE_VALUE)));
        }
        if (words.size() > 1) {
            bool.should(s -> s.multiMatch(m -> m
                    .query(String.join(" ", words))
                    .type(TextQueryType.Phrase)
                    .fields(fields.phrases())
                    .lenient(true)
                    .boost(SearchFields.WHOLE_PHRASE_BOOST)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static Query clause(Clause clause, Scripted fields) {
        if (clause.anyOf().size() == 1) {
            return term(clause.anyOf().get(0), fields);
        }
        List<Query> alternatives = clause.anyOf().stream().map(term -> term(term, fields)).toList();
        return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }

    private static Query term(Term term, Scripted fields) {
        if (!(term instanceof Word word)) {
            return exactly(term, fields);
        }
        List<Query> ways = new ArrayList<>();
        ways.add(exactly(word, fields));
        if (fields.typos() && SearchFields.takesTypos(word.text())) {
            ways.add(Query.of(q -> q.multiMatch(m -> m
                    .query(word.text())
                    .fields(SearchFields.TYPOS)
                    .type(TextQueryType.BestFields)
                    .operator(Operator.And)
                    .fuzziness(SearchFields.fuzziness())
                    .prefixLength(0)
                    .maxExpansions(SearchFields.TYPO_EXPANSIONS)
                    .lenient(true)
                    .boost(SearchFields.TYPO_BOOST))));
        }
        if (word.prefix()) {
            ways.add(Query.of(q -> q.multiMatch(m -> m
                    .query(word.text())
                    .fields(SearchFields.PREFIXES)
                    .type(TextQueryType.PhrasePrefix)
                    .lenient(true)
                    .boost(SearchFields.PREFIX_BOOST))));
        }
        return ways.size() == 1 ? ways.get(0)
                : Query.of(q -> q.bool(b -> b.should(ways).minimumShouldMatch("1")));
    }

    /** The term as typed, without typos or prefixes: a word in any field, a phrase word for word. */
    private static Query exactly(Term term, Scripted fields) {
        if (term instanceof Word) {
            return Query.of(q -> q.multiMatch(m -> m
                    .query(term.text())
                    .fields(fields.words())
                    .type(TextQueryType.BestFields)
                    .tieBreaker(0.3)
                    .operator(Operator.And)
                    .lenient(true)
                    .boost(SearchFields.EXACT_WORD_BOOST)));
        }
        return Query.of(q -> q.multiMatch(m -> m
                .query(term.text())
                .fields(fields.phrases())
                .type(TextQueryType.Phrase)
                .lenient(true)));
    }

    /**
     * The word and phrase fields for a query's scripts: the {@code .cjk} sub-fields only when a term has Chinese,
     * Japanese or Korean letters ({@link SearchFields#forScripts}); and whether words are looked for with typos.
     */
    private record Scripted(List<String> words, List<String> phrases, boolean typos) {

        static Scripted of(UserQuery query, boolean typos) {
            boolean cjk = hasCjk(query);
            return new Scripted(SearchFields.forScripts(SearchFields.WORDS, cjk),
                    SearchFields.forScripts(SearchFields.PHRASES, cjk), typos);
        }
    }
}
