package dev.contentpipeline.search.fulltext;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What results can be counted by and narrowed to; the wire name is the query parameter. */
enum Facet {
    TYPE, COUNTRY, REGION, TAG, LANGUAGE, YEAR;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "type, country, region, tag, language, year". */
    static String wireNames() {
        return Arrays.stream(values()).map(Facet::wireName).collect(Collectors.joining(", "));
    }

    static Optional<Facet> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }
}
