package dev.contentpipeline.search.fulltext;

import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.userquery.UserQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query with each distinct text of its terms replaced by a placeholder that the query factory treats alike: as
 * long as a word that takes typos or not, with Chinese, Japanese or Korean letters or not.
 *
 * @param texts the replaced texts, in the placeholders' order
 */
record PlaceheldQuery(UserQuery query, List<String> texts, List<String> placeholders) {

    /** Begins every placeholder; a placeholder's second character is its index from {@link #FIRST_INDEX}. */
    static final char MARK = '\uE000';
    static final char FIRST_INDEX = '\uE100';
    private static final char PAD = '\uE001';
    private static final String CJK = "\u4E00";
    private static final char LAST_PLACEHOLDER_CHAR = '\uE1FF';

    /** Null where a term has a character of the placeholders' range, or there are too many. */
    static PlaceheldQuery of(UserQuery query) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        List<UserQuery.Clause> required = new ArrayList<>(query.required().size());
        for (UserQuery.Clause clause : query.required()) {
            List<UserQuery.Term> terms = masked(clause.anyOf(), placeholders);
            if (terms == null) {
                return null;
            }
            required.add(new UserQuery.Clause(terms));
        }
        List<UserQuery.Term> excluded = masked(query.excluded(), placeholders);
        if (excluded == null) {
            return null;
        }
        return new PlaceheldQuery(new UserQuery(required, excluded, List.of()), List.copyOf(placeholders.keySet()),
                List.copyOf(placeholders.values()));
    }

    /** The terms with their placeholders, or null where one cannot have any. */
    private static List<UserQuery.Term> masked(List<UserQuery.Term> terms, Map<String, String> placeholders) {
        List<UserQuery.Term> masked = new ArrayList<>(terms.size());
        for (UserQuery.Term term : terms) {
            UserQuery.Term placeheld = masked(term, placeholders);
            if (placeheld == null) {
                return null;
            }
            masked.add(placeheld);
        }
        return masked;
    }

    private static UserQuery.Term masked(UserQuery.Term term, Map<String, String> placeholders) {
        String text = term.text();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= MARK && text.charAt(i) <= LAST_PLACEHOLDER_CHAR) {
                return null;
            }
        }
        String placeholder = placeholders.get(text);
        if (placeholder == null) {
            if (placeholders.size() > LAST_PLACEHOLDER_CHAR - FIRST_INDEX) {
                return null;
            }
            placeholder = placeholder(placeholders.size(), text);
            placeholders.put(text, placeholder);
        }
        return term instanceof UserQuery.Word word ? new UserQuery.Word(placeholder, word.prefix())
                : new UserQuery.Phrase(placeholder);
    }

    /** The i-th placeholder, for a text: what the query factory asks of a term's text, answered alike. */
    static String placeholder(int index, String text) {
        StringBuilder placeholder = new StringBuilder().append(MARK).append((char) (FIRST_INDEX + index));
        if (SearchFields.hasCjk(text)) {
            placeholder.append(CJK);
        }
        if (SearchFields.takesTypos(text)) {
            while (placeholder.length() < SearchFields.ONE_TYPO_FROM) {
                placeholder.append(PAD);
            }
        }
        return placeholder.toString();
    }
}
