package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.contentpipeline.search.countries.Countries;
import dev.contentpipeline.search.fields.SearchFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters and counts of the facets, as Algolia and Meilisearch count them: the hits are narrowed by every
 * facet ({@code post_filter}), while each facet's counts are narrowed by the others only, so a reader sees what
 * else they could pick. Values of one facet are alternatives. Articles carry country codes, not regions: a
 * region matches the countries in it and the articles about one of them.
 */
final class FacetFilters {

    static final String VALUES = "values";
    static final String COUNTRY_CODES = "codes";
    static final int MANY = 300;

    private FacetFilters() {
    }

    /** The filter of all selected facets but {@code except}; null when there is none. */
    static Query selected(Map<Facet, List<String>> filters, Countries countries, Facet except) {
        List<Query> queries = filters.entrySet().stream().filter(e -> e.getKey() != except)
                .map(e -> filter(e.getKey(), e.getValue(), countries)).toList();
        return queries.isEmpty() ? null : Query.of(q -> q.bool(b -> b.filter(queries)));
    }

    static Query filter(Facet facet, List<String> values, Countries countries) {
        return switch (facet) {
            case TYPE -> terms(SearchFields.TYPE, values);
            case COUNTRY -> anyOf(terms(SearchFields.ARTICLE_COUNTRIES, values), terms(SearchFields.COUNTRY_CODE, values));
            case REGION -> anyOf(terms(SearchFields.REGION, values), terms(SearchFields.ARTICLE_COUNTRIES,
                    values.stream().flatMap(r -> countries.codesByRegion().getOrDefault(r, List.of()).stream())
                            .toList()));
            case TAG -> terms(SearchFields.TAGS, values);
            case LANGUAGE -> terms(SearchFields.LANGUAGE, values);
            case YEAR -> Query.of(q -> q.bool(b -> b.minimumShouldMatch("1").should(values.stream()
                    .map(year -> Query.of(y -> y.range(r -> r.date(d -> d.field(SearchFields.PUBLISHED_AT)
                            .gte(year + "-01-01T00:00:00.000Z").lte(year + "-12-31T23:59:59.999Z")))))
                    .toList())));
        };
    }

    /** For each facet counted, its counts under the other facets' filters. */
    static Map<String, Aggregation> aggregations(Map<Facet, List<String>> filters, Set<Facet> counted,
                                                 Countries countries) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : counted) {
            Map<String, Aggregation> counts = counts(facet, countries);
            if (counts.isEmpty()) {
                continue;
            }
            Query others = selected(filters, countries, facet);
            aggregations.put(facet.wireName(), Aggregation.of(a -> a
                    .filter(others != null ? others : Query.of(q -> q.matchAll(m -> m)))
                    .aggregations(counts)));
        }
        return aggregations;
    }

    private static Map<String, Aggregation> counts(Facet facet, Countries countries) {
        return switch (facet) {
            case TYPE -> Map.of(VALUES, termsCount(SearchFields.TYPE, 10));
            case COUNTRY -> Map.of(VALUES, termsCount(SearchFields.ARTICLE_COUNTRIES, MANY),
                    COUNTRY_CODES, termsCount(SearchFields.COUNTRY_CODE, MANY));
            case REGION -> {
                Map<String, Query> regions = new LinkedHashMap<>();
                countries.regions().forEach(region -> regions.put(region,
                        filter(Facet.REGION, List.of(region), countries)));
                yield regions.isEmpty() ? Map.of() : Map.of(VALUES, Aggregation.of(a -> a
                        .filters(f -> f.filters(b -> b.keyed(regions)))));
            }
            case TAG -> Map.of(VALUES, termsCount(SearchFields.TAGS, 50));
            case LANGUAGE -> Map.of(VALUES, termsCount(SearchFields.LANGUAGE, 50));
            case YEAR -> Map.of(VALUES, Aggregation.of(a -> a.dateHistogram(d -> d.field(SearchFields.PUBLISHED_AT)
                    .calendarInterval(CalendarInterval.Year).format("yyyy").minDocCount(1))));
        };
    }

    private static Aggregation termsCount(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(size)));
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms))));
    }

    private static Query anyOf(Query first, Query second) {
        return Query.of(q -> q.bool(b -> b.should(first, second).minimumShouldMatch("1")));
    }
}
