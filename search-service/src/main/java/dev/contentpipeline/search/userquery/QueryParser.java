package dev.contentpipeline.search.userquery;

import dev.contentpipeline.search.userquery.UserQuery.Clause;
import dev.contentpipeline.search.userquery.UserQuery.Phrase;
import dev.contentpipeline.search.userquery.UserQuery.Term;
import dev.contentpipeline.search.userquery.UserQuery.Word;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a reader typed, the way search boxes read it: words, {@code "phrases"}, {@code -excluded} terms and
 * {@code OR} between two terms. Anything else is text: nothing a reader types is Elasticsearch syntax, an
 * unbalanced quote is only a separator, and terms without a letter or digit are dropped. Like Meilisearch, only
 * the first {@value #MAX_TERMS} terms count.
 */
public final class QueryParser {

    public static final int MAX_TERMS = 10;

    private static final String OPENING_QUOTES = "\"“„«";
    private static final String CLOSING_QUOTES = "\"”“»";
    private static final String MINUS_SIGNS = "-−";

    private QueryParser() {
    }

    public static UserQuery parse(String typed) {
        String text = clean(typed);
        List<List<Term>> clauses = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        boolean orPending = false;
        boolean lastWasPositive = false;
        int terms = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            while (i < text.length() && MINUS_SIGNS.indexOf(text.charAt(i)) >= 0) {
                negated = true;
                i++;
            }
            if (i >= text.length() || Character.isWhitespace(text.charAt(i))) {
                continue;
            }
            Term term;
            int closing = OPENING_QUOTES.indexOf(text.charAt(i)) >= 0 ? closingQuote(text, i + 1) : -1;
            if (closing > 0) {
                String phrase = text.substring(i + 1, closing).strip().replaceAll("\\s+", " ");
                term = hasLetterOrDigit(phrase) ? new Phrase(phrase) : null;
                i = closing + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                        && (end == i || OPENING_QUOTES.indexOf(text.charAt(end)) < 0)) {
                    end++;
                }
                String word = text.substring(i, end);
                i = end;
                if (!negated && word.equals("OR")) {
                    orPending = lastWasPositive;
                    continue;
                }
                word = stripQuotes(word);
                boolean last = i >= text.length();
                term = hasLetterOrDigit(word) ? new Word(word, last && !negated) : null;
            }
            if (term == null) {
                continue;
            }
            if (++terms > MAX_TERMS) {
                ignored.add(term.text());
            } else if (negated) {
                excluded.add(term instanceof Word word ? new Word(word.text(), false) : term);
            } else if (orPending) {
                clauses.get(clauses.size() - 1).add(term);
            } else {
                clauses.add(new ArrayList<>(List.of(term)));
            }
            lastWasPositive = !negated;
            orPending = false;
        }
        return new UserQuery(clauses.stream().map(Clause::new).toList(), excluded, ignored);
    }

    /** NFC, and control or formatting characters (NUL, zero-width, bidi marks...) become spaces. */
    public static String clean(String typed) {
        String text = Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFC);
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
            cleaned.appendCodePoint(invisible ? ' ' : cp);
        });
        return cleaned.toString();
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (CLOSING_QUOTES.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String stripQuotes(String word) {
        StringBuilder kept = new StringBuilder(word.length());
        word.chars().filter(c -> OPENING_QUOTES.indexOf(c) < 0 && CLOSING_QUOTES.indexOf(c) < 0)
                .forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
