package dev.contentpipeline.search.userquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What a reader typed, parsed: every clause must match (one of its alternatives, when joined by {@code OR}),
 * no excluded term may. The text of each term is plain text for an analyzer, never query syntax.
 *
 * @param required the clauses every hit matches
 * @param excluded terms no hit matches ({@code -word}, {@code -"a phrase"})
 * @param ignored words left out, past the most a query may hold
 */
public record UserQuery(List<Clause> required, List<Term> excluded, List<String> ignored) {

    public UserQuery {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
        ignored = List.copyOf(ignored);
    }

    /** A clause matches when any of its alternatives does. */
    public record Clause(List<Term> anyOf) {
        public Clause {
            anyOf = List.copyOf(anyOf);
        }
    }

    public sealed interface Term permits Word, Phrase {
        String text();
    }

    /** @param prefix whether it may also match as the beginning of a longer word (the last word typed) */
    public record Word(String text, boolean prefix) implements Term {
    }

    public record Phrase(String text) implements Term {
    }

    public boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }

    /** The words and phrases to find, in the order typed: for the whole-phrase bonus and "did you mean". */
    public List<Term> positiveTerms() {
        return required.stream().flatMap(clause -> clause.anyOf().stream()).toList();
    }

    /** The plain words of the required clauses, in order, when no clause has alternatives; else empty. */
    public List<String> plainWords() {
        List<String> words = new ArrayList<>();
        for (Clause clause : required) {
            if (clause.anyOf().size() != 1 || !(clause.anyOf().get(0) instanceof Word word)) {
                return List.of();
            }
            words.add(word.text());
        }
        return words;
    }

    /** Back to text a reader could type, with each word replaced as {@code corrections} say. */
    public String render(Map<String, String> corrections) {
        UnaryOperator<String> correct = word -> corrections.getOrDefault(word, word);
        List<String> parts = new ArrayList<>();
        for (Clause clause : required) {
            parts.add(clause.anyOf().stream().map(term -> render(term, correct))
                    .collect(Collectors.joining(" OR ")));
        }
        excluded.forEach(term -> parts.add("-" + render(term, correct)));
        return String.join(" ", parts);
    }

    private static String render(Term term, UnaryOperator<String> correct) {
        return term instanceof Word word ? correct.apply(word.text()) : '"' + term.text() + '"';
    }
}
