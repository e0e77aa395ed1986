package dev.contentpipeline.search.spelling;

import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.FieldSuggester;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggest;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.search.door.SearchGate;
import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.userquery.UserQuery;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Did you mean": when a query finds little, each word is respelled with the indexed word closest to it (term
 * suggester, up to two edits, more frequent words preferred); the search offers the new query only if it finds
 * more.
 */
@Component
public class SpellingSuggestions {

    private final SearchGate gate;
    private final ContentNames.Aliases aliases;

    SpellingSuggestions(SearchGate gate, ContentNames names) {
        this.aliases = names.aliases();
        this.gate = gate;
    }

    /** The query with its words respelled, as a reader could type it; empty when no word has a better spelling. */
    public Optional<String> respell(SearchGate.Deadline deadline, UserQuery parsed) throws IOException {
        List<String> words = parsed.positiveTerms().stream()
                .filter(t -> t instanceof UserQuery.Word).map(UserQuery.Term::text).toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String text = String.join(" ", words);
        Map<Integer, TermSuggestOption> best = new HashMap<>();
        Map<Integer, Integer> lengths = new HashMap<>();
        collect(deadline, aliases.articles(), SearchFields.SPELLING_ARTICLES, text, best, lengths);
        if (deadline.allowsMore(gate.requestTimeout())) {
            collect(deadline, aliases.countries(), SearchFields.SPELLING_COUNTRIES, text, best, lengths);
        }
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> corrections = new LinkedHashMap<>();
        int start = 0;
        for (String word : words) {
            StringBuilder corrected = new StringBuilder();
            int copied = 0;
            for (int offset = start; offset < start + word.length(); offset++) {
                TermSuggestOption option = best.get(offset);
                if (option != null && offset - start >= copied) {
                    corrected.append(word, copied, offset - start).append(option.text());
                    copied = Math.min(word.length(), offset - start + lengths.get(offset));
                }
            }
            corrected.append(word.substring(copied));
            if (!corrected.toString().equals(word)) {
                corrections.put(word, corrected.toString());
            }
            start += word.length() + 1;
        }
        if (corrections.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parsed.render(corrections));
    }

    /**
     * The best respelling of each word (by its offset in the text) that any of the index's fields suggests (a term
     * suggester fails on a field its index does not map: one request per index).
     */
    private void collect(SearchGate.Deadline deadline, String index, List<String> fields, String text,
                         Map<Integer, TermSuggestOption> best, Map<Integer, Integer> lengths) throws IOException {
        Map<String, FieldSuggester> suggesters = new LinkedHashMap<>();
        fields.forEach(field -> suggesters.put(field, FieldSuggester.of(s -> s.term(t -> t.field(field)
                .suggestMode(SuggestMode.Popular).maxEdits(2).size(3)))));
        SearchResponse<Void> response = gate.search(deadline, SearchRequest.of(s -> s.index(index)
                .ignoreUnavailable(true).allowNoIndices(true).size(0)
                .suggest(sg -> sg.text(text).suggesters(suggesters))), Void.class);
        for (List<Suggestion<Void>> suggestions : response.suggest().values()) {
            for (Suggestion<Void> suggestion : suggestions) {
                if (!suggestion.isTerm()) {
                    continue;
                }
                TermSuggest entry = suggestion.term();
                for (TermSuggestOption option : new ArrayList<>(entry.options())) {
                    TermSuggestOption current = best.get(entry.offset());
                    if (current == null || option.score() > current.score()
                            || (option.score() == current.score() && option.freq() > current.freq())) {
                        best.put(entry.offset(), option);
                        lengths.put(entry.offset(), entry.length());
                    }
                }
            }
        }
    }
}
