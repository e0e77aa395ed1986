package dev.contentpipeline.search.countries;

import dev.contentpipeline.search.userquery.UserQuery;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The published countries as the search needs them, held in memory: names for facet labels, the countries of
 * each region (articles carry country codes, not regions), and the names a query may mention.
 */
public record Countries(Map<String, CountryCard> byCode, CountryNames names,
                 Map<String, List<String>> codesByRegion) {

    static final Countries NONE = new Countries(Map.of(), CountryNames.NONE, Map.of());

    public Countries {
        byCode = Map.copyOf(byCode);
        codesByRegion = Collections.unmodifiableMap(new TreeMap<>(codesByRegion));
    }

    public static Countries of(Collection<CountryCard> cards, Map<String, List<String>> names) {
        Map<String, CountryCard> byCode = cards.stream()
                .collect(Collectors.toMap(CountryCard::code, c -> c, (a, b) -> a));
        Map<String, List<String>> codesByRegion = byCode.values().stream().filter(c -> c.region() != null)
                .sorted(Comparator.comparing(CountryCard::code))
                .collect(Collectors.groupingBy(CountryCard::region,
                        Collectors.mapping(CountryCard::code, Collectors.toUnmodifiableList())));
        return new Countries(byCode, CountryNames.of(names), codesByRegion);
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
        return names.namedIn(query.positiveTerms().stream().map(UserQuery.Term::text).collect(Collectors.joining(" ")))
                .map(byCode::get);
    }
}
