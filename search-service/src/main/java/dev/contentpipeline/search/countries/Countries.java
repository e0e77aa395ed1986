package dev.contentpipeline.search.countries;

import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.userquery.UserQuery;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The published countries as the search needs them, held in memory: names for facet labels, the countries of
 * each region (articles carry country codes, not regions), and the names a query may mention.
 */
public record Countries(Map<String, CountryCard> byCode, Map<String, List<String>> namesByCode,
                 Map<String, List<String>> codesByRegion) {

    static final Countries NONE = new Countries(Map.of(), Map.of(), Map.of());

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public Countries {
        byCode = Map.copyOf(byCode);
        namesByCode = Map.copyOf(namesByCode);
        codesByRegion = Collections.unmodifiableMap(new TreeMap<>(codesByRegion));
    }

    public static Countries of(Collection<CountryCard> cards, Map<String, List<String>> names) {
        Map<String, CountryCard> byCode = cards.stream()
                .collect(Collectors.toMap(CountryCard::code, c -> c, (a, b) -> a));
        Map<String, List<String>> normalized = names.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(Countries::normalize).filter(n -> n.length() >= 2).distinct().toList()));
        Map<String, List<String>> codesByRegion = byCode.values().stream().filter(c -> c.region() != null)
                .sorted(Comparator.comparing(CountryCard::code))
                .collect(Collectors.groupingBy(CountryCard::region,
                        Collectors.mapping(CountryCard::code, Collectors.toUnmodifiableList())));
        return new Countries(byCode, normalized, codesByRegion);
    }

    /** Region names, sorted. */
    public Set<String> regions() {
        return codesByRegion.keySet();
    }

    public String name(String code) {
        CountryCard card = byCode.get(code);
        return card == null ? null : card.name();
    }

    /** The country whose name (or alias, or name in another language) the query mentions; the longest wins. */
    public Optional<CountryCard> namedIn(UserQuery query) {
        String text = " " + normalize(query.positiveTerms().stream().map(UserQuery.Term::text)
                .collect(Collectors.joining(" "))) + " ";
        if (text.isBlank()) {
            return Optional.empty();
        }
        return namesByCode.entrySet().stream()
                .flatMap(e -> e.getValue().stream().filter(name -> mentions(text, name))
                        .map(name -> Map.entry(e.getKey(), name.length())))
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> byCode.get(e.getKey()));
    }

    private static boolean mentions(String text, String name) {
        if (isIdeographic(name)) {
            return text.contains(name);
        }
        return name.length() >= 3 && text.contains(" " + name + " ");
    }

    /** Lower case, accents off, anything but letters and digits a single space: "Côte d'Ivoire" is "cote d ivoire". */
    static String normalize(String text) {
        return NOT_WORD.matcher(SearchFields.fold(text)).replaceAll(" ").strip();
    }

    private static boolean isIdeographic(String name) {
        return name.codePoints().allMatch(SearchFields::isCjk);
    }
}
