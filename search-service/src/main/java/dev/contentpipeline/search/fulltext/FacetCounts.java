package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
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

    static Map<String, List<SearchResults.FacetValue>> read(Map<String, Aggregate> aggregations,
                                                             SearchParameters params, Countries countries) {
        Map<Facet, List<String>> filters = params.filters();
        Map<String, List<SearchResults.FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : params.counted()) {
            Aggregate outer = aggregations == null ? null : aggregations.get(facet.wireName());
            Map<String, Aggregate> inner = outer != null && outer.isFilter() ? outer.filter().aggregations() : Map.of();
            Map<String, Long> counts = new LinkedHashMap<>();
            terms(inner.get(FacetFilters.VALUES), counts);
            terms(inner.get(FacetFilters.COUNTRY_CODES), counts);
            Aggregate values = inner.get(FacetFilters.VALUES);
            if (values != null && values.isFilters() && values.filters().buckets().isKeyed()) {
                values.filters().buckets().keyed().forEach((key, bucket) -> counts.put(key, bucket.docCount()));
            }
            if (values != null && values.isDateHistogram()) {
                values.dateHistogram().buckets().array().forEach(b -> counts.put(b.keyAsString(), b.docCount()));
            }
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

    private static void terms(Aggregate aggregate, Map<String, Long> counts) {
        if (aggregate != null && aggregate.isSterms()) {
            for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                counts.merge(bucket.key().stringValue(), bucket.docCount(), Long::sum);
            }
        }
    }
}
