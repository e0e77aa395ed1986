package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import dev.contentpipeline.search.fields.SearchFields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders a reader may ask for. Each ends with type and id, unique across both indices, so that a cursor
 * ({@code search_after}) never skips or repeats a hit that ties with another.
 */
enum Sorting {
    RELEVANCE, NEWEST, OLDEST, TITLE;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Sorting> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Sorting::wireName).toList());
    }

    List<SortOptions> sortOptions() {
        List<SortOptions> sort = new ArrayList<>();
        switch (this) {
            case RELEVANCE -> sort.add(score());
            case NEWEST -> {
                sort.add(field(SearchFields.PUBLISHED_AT, SortOrder.Desc, FieldType.Date));
                sort.add(score());
            }
            case OLDEST -> {
                sort.add(field(SearchFields.PUBLISHED_AT, SortOrder.Asc, FieldType.Date));
                sort.add(score());
            }
            case TITLE -> SearchFields.TITLE_SORT.forEach(f -> sort.add(field(f, SortOrder.Asc, FieldType.Keyword)));
        }
        sort.add(field(SearchFields.TYPE, SortOrder.Asc, FieldType.Keyword));
        sort.add(field(SearchFields.ID, SortOrder.Asc, FieldType.Keyword));
        return sort;
    }

    private static SortOptions score() {
        return SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
    }

    private static SortOptions field(String field, SortOrder order, FieldType unmappedType) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(order).missing("_last")
                .unmappedType(unmappedType)));
    }
}
