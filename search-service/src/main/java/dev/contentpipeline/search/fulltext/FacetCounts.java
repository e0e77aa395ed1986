package dev.contentpipeline.search.fulltext;

import dev.contentpipeline.search.countries.Countries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the facet counts {@link FacetFilters} asked for, of the facets the request counts; selected values stay
 * listed even at zero.
 */
final class FacetCounts {

    private FacetCounts() {
    }

    /**
     * @param bucketCounts the facet request's counts: for each facet's aggregation, those of the terms, filters or
     *        date histogram within it (see {@link dev.contentpipeline.search.door.SearchAnswer#bucketCounts()})
     */
    static Map<String, List<SearchResults.FacetValue>> read(Map<String, Map<String, Long>> bucketCounts,
                                                             SearchParameters params, Countries countries) {
        Map<Facet, List<String>> filters = params.filters();
        Map<String, List<SearchResults.FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : params.counted()) {
            Map<String, Long> counts = new LinkedHashMap<>(bucketCounts.getOrDefault(facet.wireName(), Map.of()));
            List<String> selected = filters.getOrDefault(facet, List.of());
            selected.forEach(value -> counts.putIfAbsent(value, 0L));
            List<SearchResults.FacetValue> list = new ArrayList<>();
            counts.forEach((value, count) -> {
                if (count > 0 || selected.contains(value)) {
                    String label = facet == Facet.COUNTRY && countries.name(value) != null ? countries.name(value)
                            : value;
                    list.add(new SearchResults.FacetValue(value, label, count, selected.contains(value)));
                }
            });
            list.sort(facet == Facet.YEAR
                    ? Comparator.comparing(SearchResults.FacetValue::value).reversed()
                    : Comparator.comparingLong(SearchResults.FacetValue::count).reversed()
                            .thenComparing(SearchResults.FacetValue::label));
            facets.put(facet.wireName(), list);
        }
        return facets;
    }
}
