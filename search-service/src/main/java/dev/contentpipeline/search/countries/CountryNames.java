package dev.contentpipeline.search.countries;

import dev.contentpipeline.search.fields.SearchFields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every name of every country, normalised and indexed once per reload of the countries, so that finding the one a
 * query names costs a few map lookups rather than a scan of some 3,500 names (which had been a quarter of
 * search-service's CPU per search: README, "Round 29").
 *
 * <p>A name of letters in words ("south sudan") matches whole words of the query, at least 3 letters long; a name
 * written only in Chinese, Japanese or Korean script matches anywhere in the query (those scripts put no spaces
 * between words). The longest name wins; of two as long, the lower country code.
 */
public final class CountryNames {

    static final CountryNames NONE = of(Map.of());

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private record Named(String code, int length) {

        boolean beats(Named other) {
            return other == null || this.length > other.length
                    || (this.length == other.length && this.code.compareTo(other.code) < 0);
        }
    }

    /** Names of words, as "word word", to the country that has them. */
    private final Map<String, Named> byWords;

    /** The most words in one of those names. */
    private final int maxWords;

    /** Names all in Chinese, Japanese or Korean script, each with its country. */
    private final List<Map.Entry<String, Named>> ideographic;

    private CountryNames(Map<String, Named> byWords, int maxWords, List<Map.Entry<String, Named>> ideographic) {
        this.byWords = byWords;
        this.maxWords = maxWords;
        this.ideographic = ideographic;
    }

    /** @param namesByCode each country's names as published (name, official name, aliases, names in languages) */
    static CountryNames of(Map<String, List<String>> namesByCode) {
        Map<String, Named> byWords = new HashMap<>();
        List<Map.Entry<String, Named>> ideographic = new ArrayList<>();
        int maxWords = 0;
        for (Map.Entry<String, List<String>> country : namesByCode.entrySet()) {
            for (String published : country.getValue()) {
                String name = normalize(published);
                if (name.length() < 2) {
                    continue;
                }
                Named named = new Named(country.getKey(), name.length());
                if (name.codePoints().allMatch(SearchFields::isCjk)) {
                    ideographic.add(Map.entry(name, named));
                } else if (name.length() >= 3) {
                    byWords.merge(name, named, (one, other) -> one.beats(other) ? one : other);
                    maxWords = Math.max(maxWords, name.split(" ").length);
                }
            }
        }
        return new CountryNames(Map.copyOf(byWords), maxWords, List.copyOf(ideographic));
    }

    /** The code of the country whose name the text mentions, the longest name if several. */
    Optional<String> namedIn(String text) {
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Named best = null;
        String[] words = normalized.split(" ");
        for (int first = 0; first < words.length; first++) {
            StringBuilder run = new StringBuilder(words[first]);
            for (int last = first; last < words.length && last - first < this.maxWords; last++) {
                if (last > first) {
                    run.append(' ').append(words[last]);
                }
                Named named = this.byWords.get(run.toString());
                if (named != null && named.beats(best)) {
                    best = named;
                }
            }
        }
        if (SearchFields.hasCjk(normalized)) {
            for (Map.Entry<String, Named> name : this.ideographic) {
                if (name.getValue().beats(best) && normalized.contains(name.getKey())) {
                    best = name.getValue();
                }
            }
        }
        return Optional.ofNullable(best).map(Named::code);
    }

    /** Lower case, accents off, anything but letters and digits a single space: "Côte d'Ivoire" is "cote d ivoire". */
    static String normalize(String text) {
        return NOT_WORD.matcher(SearchFields.fold(text)).replaceAll(" ").strip();
    }
}
