package dev.contentpipeline.search.fulltext;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.contentpipeline.search.countries.CountryCard;
import dev.contentpipeline.search.hits.Hit;

import java.util.List;
import java.util.Map;

/**
 * The search API's answer. {@code snippet} and {@code titleHtml} are HTML: matched words in {@code <mark>},
 * everything else escaped.
 *
 * @param total the hits found; a lower bound when {@code totalExact} is false
 * @param page the page served, or null when the request went on from a cursor
 * @param nextCursor where the next page starts, for {@code cursor=}; null on the last page
 * @param facets per facet counted (every facet unless the request's {@code facets} names some, or none), the values
 *               with their counts among the hits of the other facets' filters
 * @param didYouMean a query that finds more, when this one found little
 * @param country the country the query names, for a card beside the results
 * @param notices what the search did not do as asked (words past the tenth, for one)
 */
record SearchResults(String query, long total, boolean totalExact, long tookMs, Integer page, int size, String sort,
                     List<Hit> hits, Map<String, List<FacetValue>> facets, String nextCursor,
                     @JsonInclude(JsonInclude.Include.NON_NULL) DidYouMean didYouMean,
                     @JsonInclude(JsonInclude.Include.NON_NULL) CountryCard country, List<String> notices) {

    /** @param label what to show for the value, such as a country's name for its code */
    record FacetValue(String value, String label, long count, boolean selected) {
    }

    /** @param total how many hits the suggested query finds */
    record DidYouMean(String query, long total) {
    }
}
