package dev.contentpipeline.search.fields;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every index field the search reads, with its weight: the one place to change when the mappings change. Both
 * indices are searched at once, so a list may name fields of either; a field an index lacks matches nothing there.
 * <p>
 * The fields are the analysis sub-fields of the mappings (v2 and up; v3 folds Indic and Arabic-script spellings
 * too, under the same names): {@code .exact} holds the whole value folded (a name
 * typed in full), {@code .folded} its words without accents or case, {@code .stemmed} English stems (search-time
 * synonyms included), {@code .cjk} bigrams of Chinese, Japanese and Korean, {@code .autocomplete} the beginnings of
 * words. A whole name outranks a name's words, names outrank summaries, summaries outrank bodies.
 * <p>
 * A country's names in every language are searched in {@code allNames}, where v4 copies them all (stored, so that
 * the highlighter can mark them): one field per sub-field instead of one per language, which cost Elasticsearch
 * about 15 % more CPU for a name query (README, round 5). Indices made before v4 have the sub-fields under each
 * {@code names.<language>} instead, so the lists name {@code names.*.<sub-field>} too, until such a deployment is
 * rebuilt: on v4 the pattern matches no field and costs nothing, and on older indices {@code allNames} is absent
 * and matches nothing. A bare {@code names.*} would also match every sub-field of every language, so each list names
 * its sub-field.
 */
public final class SearchFields {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * Where each word is looked for exactly (no typos). Bodies by their stems only: {@code body.stemmed} finds every
     * body that {@code body.folded} would (the same analysis, then stems), and each body sub-field costs a pass over
     * the longest postings.
     */
    public static final List<String> WORDS = List.of(
            "title.exact^12", "name.exact^12", "aliases.exact^10", "officialName.exact^8", "allNames.exact^8",
            "names.*.exact^8", "countryNames.exact^4",
            "title.folded^4", "title.stemmed^4", "title.cjk^4", "name.folded^4", "name.stemmed^4", "name.cjk^4",
            "aliases.folded^3", "aliases.stemmed^3", "aliases.cjk^3", "officialName.folded^3",
            "officialName.stemmed^3", "officialName.cjk^3", "allNames.folded^3", "allNames.cjk^3",
            "names.*.folded^3", "names.*.cjk^3",
            "countryNames.folded^2", "countryNames.stemmed^2", "countryNames.cjk^2", "tags^2",
            "summary.folded^2", "summary.stemmed^2", "summary.cjk^2", "author",
            "body.stemmed", "body.cjk");

    /**
     * Where a word is looked for with typos: the folded words of titles, names, summaries and bodies. Leaves out the
     * per-language names and the stems, whose many fields would each cost a fuzzy automaton.
     */
    public static final List<String> TYPOS = List.of(
            "title.folded^4", "name.folded^4", "aliases.folded^3", "officialName.folded^3", "summary.folded^2",
            "body.folded");

    /**
     * Where the last word is looked for as the beginning of a word: titles, names and summaries, as in a search
     * box. Not bodies: a short prefix there expands to many words over the longest texts, the costliest clause
     * of a query, for matches that a reader rarely wants.
     */
    public static final List<String> PREFIXES = List.of(
            "title.autocomplete^4", "name.autocomplete^4", "aliases.autocomplete^3", "officialName.autocomplete^3",
            "countryNames.autocomplete", "allNames.folded^2", "names.*.folded^2", "summary.folded");

    /** Where quoted phrases must match, and where the whole query as a phrase earns a bonus. */
    public static final List<String> PHRASES = List.of(
            "title.exact^12", "name.exact^12", "aliases.exact^10", "officialName.exact^8", "allNames.exact^8",
            "names.*.exact^8", "countryNames.exact^4",
            "title.folded^4", "title.cjk^4", "name.folded^4", "name.cjk^4", "aliases.folded^3",
            "officialName.folded^3", "allNames.folded^3", "allNames.cjk^3", "names.*.folded^3", "names.*.cjk^3",
            "countryNames.folded^2",
            "summary.folded^2", "summary.cjk^2", "body.folded", "body.cjk");

    /** Where the whole query is looked for as a whole value: a name or title typed in full. */
    public static final List<String> WHOLE_VALUES = List.of(
            "title.exact^12", "name.exact^12", "aliases.exact^10", "officialName.exact^8", "allNames.exact^8",
            "names.*.exact^8", "countryNames.exact^4");

    /** Search as you type, over titles and country names. */
    public static final List<String> SUGGEST = List.of(
            "title.autocomplete^3", "name.autocomplete^3", "aliases.autocomplete^2", "officialName.autocomplete^2",
            "allNames.folded^2", "allNames.cjk^2", "names.*.folded^2", "names.*.cjk^2", "title.cjk^3", "name.cjk^3");

    /**
     * Where "did you mean" looks for better spellings, per index (a suggester fails on a field its index lacks). A
     * body's words from {@code body.folded}: the body itself is not indexed (articles v5), and a respelled word then
     * comes without its accents, as a reader types it.
     */
    public static final List<String> SPELLING_ARTICLES = List.of("title", "summary", "body.folded");
    public static final List<String> SPELLING_COUNTRIES = List.of("name", "aliases", "officialName", "summary");

    /** A hit's title: an article's title, a country's name. */
    public static final String TITLE = "title";
    public static final String NAME = "name";

    /**
     * The sub-fields whose highlights mark a title or name, the one with most marks wins. Not {@code .exact}: a whole
     * title typed in full has every word marked in {@code .folded} too, and each highlighted field costs
     * Elasticsearch a pass over every hit.
     */
    public static final List<String> TITLE_HIGHLIGHTS = List.of(
            "title.folded", "title.stemmed", "title.cjk", "title.autocomplete",
            "name.folded", "name.stemmed", "name.cjk", "name.autocomplete");

    /**
     * Where the snippet may come from, the first wins when two passages match equally well. A body's snippet from its
     * stems alone: they mark every word {@code body.folded} would, and each highlighted body sub-field costs
     * Elasticsearch the analysis of up to {@code HIGHLIGHT_WITHIN} characters of every hit.
     */
    public static final List<String> SNIPPET = List.of(
            "body.stemmed", "body.cjk", "summary.folded", "summary.stemmed", "summary.cjk",
            "aliases.folded", "officialName.folded", "allNames.folded", "allNames.cjk", "names.*.folded",
            "names.*.cjk");

    /** Where the snippet comes from when nothing matched in a passage (the match was in the title, say). */
    public static final List<String> SNIPPET_WITHOUT_MATCH = List.of("summary.folded", "body.stemmed");

    /** Sorted by title: one lower-cased keyword both indices fill, from an article's title and a country's name. */
    public static final List<String> TITLE_SORT = List.of("sortTitle");

    public static final String PUBLISHED_AT = "publishedAt";
    public static final String TYPE = "type";
    public static final String ID = "id";
    public static final String ARTICLE_COUNTRIES = "countries";
    public static final String COUNTRY_CODE = "code";
    public static final String REGION = "region";
    public static final String TAGS = "tags";
    public static final String LANGUAGE = "language";

    /** One typo from this many characters, two from {@link #TWO_TYPOS_FROM}, as Meilisearch does. */
    public static final int ONE_TYPO_FROM = 5;
    public static final int TWO_TYPOS_FROM = 9;
    /** Longer words are pasted rather than typed, and a fuzzy automaton over them is costly. */
    public static final int LONGEST_WORD_WITH_TYPOS = 30;
    /** Few expansions per typo'd word keep a ten-word query under Elasticsearch's clause limit. */
    public static final int TYPO_EXPANSIONS = 10;

    public static final float EXACT_WORD_BOOST = 1.0f;
    public static final float TYPO_BOOST = 0.4f;
    public static final float PREFIX_BOOST = 0.6f;
    /** The bonus for the whole query found as a phrase: exact phrases outrank scattered words. */
    public static final float WHOLE_PHRASE_BOOST = 3.0f;
    /** The bonus for the whole query being a whole name or title ("Saint Helena, Ascension and Tristan da Cunha"). */
    public static final float WHOLE_VALUE_BOOST = 5.0f;

    private SearchFields() {
    }

    /**
     * The fields searched or highlighted for a query: the {@code .cjk} sub-fields only when it has Chinese, Japanese
     * or Korean letters. For any other text they hold the words {@code .folded} holds, unfolded, so they would find
     * and mark nothing new, and they cost about a quarter more per query (measured in the README).
     */
    public static List<String> forScripts(List<String> fields, boolean cjkQuery) {
        return cjkQuery ? fields : fields.stream().filter(field -> !withoutBoost(field).endsWith(".cjk")).toList();
    }

    /**
     * The text in lower case without accents (decomposed, its combining marks dropped), as the {@code .folded}
     * sub-fields keep a word: "Côte" is "cote". The one folding the service's own comparisons share (a country named
     * in a query, a word typed with typos).
     */
    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    /** Whether the text has a letter of a Chinese, Japanese or Korean script. */
    public static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(SearchFields::isCjk);
    }

    /** Whether the code point is of a Chinese, Japanese or Korean script (what the {@code .cjk} sub-fields pair). */
    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** "title.folded^4" without its boost: "title.folded". */
    public static String withoutBoost(String field) {
        int caret = field.indexOf('^');
        return caret < 0 ? field : field.substring(0, caret);
    }

    /**
     * Whether a word as typed is looked for with typos: from {@link #ONE_TYPO_FROM} letters up to
     * {@link #LONGEST_WORD_WITH_TYPOS}. The search's typo clauses and the service's own typo marks share it.
     */
    public static boolean takesTypos(String word) {
        int length = word.codePointCount(0, word.length());
        return length >= ONE_TYPO_FROM && length <= LONGEST_WORD_WITH_TYPOS;
    }

    public static String fuzziness() {
        return "AUTO:" + ONE_TYPO_FROM + "," + TWO_TYPOS_FROM;
    }
}
