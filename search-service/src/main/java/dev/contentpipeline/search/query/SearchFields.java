package dev.contentpipeline.search.query;

import java.util.List;

/**
 * Every index field the search reads, with its weight: the one place to change when the mappings change. Both
 * indices are searched at once, so a list may name fields of either; a field an index lacks matches nothing there.
 * <p>
 * Written for the v1 mappings (standard analyzer, no sub-fields). When the v2 mappings land, point
 * {@link #WORDS} and {@link #PHRASES} at the stemmed/folded/cjk sub-fields, {@link #PREFIXES} and
 * {@link #SUGGEST} at the autocomplete sub-fields, and {@link #TITLE_SORT} at one sort field both indices share.
 */
final class SearchFields {

    /** Where each word is looked for exactly. Titles and names outrank summaries, summaries outrank bodies. */
    static final List<String> WORDS = List.of(
            "title^4", "name^4", "officialName^3", "aliases^3", "names.*^3", "tags^2", "summary^2", "author",
            "body");

    /**
     * Where a word is looked for with typos. Leaves out keyword fields and the per-language names, whose many
     * fields each cost a fuzzy automaton.
     */
    static final List<String> TYPOS = List.of(
            "title^4", "name^4", "officialName^3", "aliases^3", "summary^2", "body");

    /** Where the last word is looked for as the beginning of a word. */
    static final List<String> PREFIXES = List.of(
            "title^4", "name^4", "officialName^3", "aliases^3", "names.*^3", "summary^2", "body");

    /** Where quoted phrases must match, and where the whole query as a phrase earns a bonus. */
    static final List<String> PHRASES = List.of(
            "title^4", "name^4", "officialName^3", "aliases^3", "names.*^3", "summary^2", "body");

    /** Search as you type, over titles and country names. */
    static final List<String> SUGGEST = List.of(
            "title^3", "name^3", "aliases^2", "officialName^2", "names.*^2");

    /** Where "did you mean" looks for better spellings, per index (a suggester fails on a field its index lacks). */
    static final List<String> SPELLING_ARTICLES = List.of("title", "summary", "body");
    static final List<String> SPELLING_COUNTRIES = List.of("name", "aliases", "officialName", "summary");

    /** A hit's title: an article's title, a country's name. */
    static final String TITLE = "title";
    static final String NAME = "name";

    /** Where the snippet may come from, the first wins when two passages match equally well. */
    static final List<String> SNIPPET = List.of(
            "body", "summary", "aliases", "officialName", "names.*", "title", "name");

    /** Where the snippet comes from when nothing matched in a passage (the match was in the title, say). */
    static final List<String> SNIPPET_WITHOUT_MATCH = List.of("summary", "body");

    /** Sorted by title: v1 has no field both indices share, so articles come before countries. */
    static final List<String> TITLE_SORT = List.of("title.keyword", "name.keyword");

    static final String PUBLISHED_AT = "publishedAt";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String ARTICLE_COUNTRIES = "countries";
    static final String COUNTRY_CODE = "code";
    static final String REGION = "region";
    static final String TAGS = "tags";
    static final String LANGUAGE = "language";

    /** One typo from this many characters, two from {@link #TWO_TYPOS_FROM}, as Meilisearch does. */
    static final int ONE_TYPO_FROM = 5;
    static final int TWO_TYPOS_FROM = 9;
    /** Longer words are pasted rather than typed, and a fuzzy automaton over them is costly. */
    static final int LONGEST_WORD_WITH_TYPOS = 30;
    /** Few expansions per typo'd word keep a ten-word query under Elasticsearch's clause limit. */
    static final int TYPO_EXPANSIONS = 10;

    static final float EXACT_WORD_BOOST = 1.0f;
    static final float TYPO_BOOST = 0.4f;
    static final float PREFIX_BOOST = 0.6f;
    /** The bonus for the whole query found as a phrase: exact phrases outrank scattered words. */
    static final float WHOLE_PHRASE_BOOST = 3.0f;

    private SearchFields() {
    }

    static String fuzziness() {
        return "AUTO:" + ONE_TYPO_FROM + "," + TWO_TYPOS_FROM;
    }
}
