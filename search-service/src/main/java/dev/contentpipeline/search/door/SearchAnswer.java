package dev.contentpipeline.search.door;

import java.util.List;
import java.util.Map;

/**
 * What search-service reads of one Elasticsearch search answer, read from its bytes by {@link SearchAnswers}.
 *
 * @param took Elasticsearch's own time for the search, in milliseconds
 * @param total how many records matched; null where the request did not count them
 * @param bucketCounts for each aggregation at the top, by its name: the document count of each bucket of the
 *        aggregations within it, by key (a date's as text), summed where two of them have the same key; in order
 */
public record SearchAnswer(long took, Total total, List<StoredHit> hits, Map<String, Map<String, Long>> bucketCounts) {

    public SearchAnswer {
        hits = List.copyOf(hits);
        bucketCounts = bucketCounts == null ? Map.of() : bucketCounts;
    }

    /** @param exact false where Elasticsearch stopped counting at the limit the request set */
    public record Total(long value, boolean exact) {
    }

    /**
     * One hit: where it is stored, its score, the fields the request asked for, the highlighted passages of each
     * highlighted field, its sort values and the names of the named queries it matched.
     *
     * @param score null where the request did not score hits
     * @param sort each a String, Boolean, Number (integral as Integer or Long) or null, as Elasticsearch wrote it
     */
    public record StoredHit(String index, String id, Double score, Map<String, Object> source,
                            Map<String, List<String>> highlight, List<Object> sort, List<String> matchedQueries) {

        public StoredHit {
            source = source == null ? Map.of() : source;
            highlight = highlight == null ? Map.of() : highlight;
            sort = sort == null ? List.of() : sort;
            matchedQueries = matchedQueries == null ? List.of() : matchedQueries;
        }
    }
}
