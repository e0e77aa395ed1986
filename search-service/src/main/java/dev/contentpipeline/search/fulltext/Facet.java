package dev.contentpipeline.search.fulltext;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What results can be counted by and narrowed to; the wire name is the query parameter. */
enum Facet {
    TYPE, COUNTRY, REGION, TAG, LANGUAGE, YEAR;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Facet> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }
}
