package dev.contentpipeline.search.fulltext;

import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.CountryCodes;
import dev.contentpipeline.search.SearchProperties;
import dev.contentpipeline.search.problems.ParameterReader;
import dev.contentpipeline.search.userquery.QueryParser;
import dev.contentpipeline.search.userquery.UserQuery;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A search request, read and checked: the text, its parse, the facet filters (values of one facet are
 * alternatives, facets narrow each other), the facets to count, the order, and a page or a cursor.
 *
 * @param page the page asked for, or null when a cursor says where to go on
 * @param counted the facets whose counts the answer carries: all unless {@code facets} names some, or none
 */
record SearchParameters(String query, UserQuery parsed, Map<Facet, List<String>> filters, Sorting sorting,
                        Integer page, int size, Cursor cursor, Set<Facet> counted) {

    /** The value of {@code facets} that asks for no counts at all. */
    static final String NO_FACETS = "none";

    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_WINDOW = 10_000;
    static final int MAX_VALUES_PER_FILTER = 20;
    static final int MAX_FILTER_VALUE_LENGTH = 100;

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}");
    private static final Pattern YEAR = Pattern.compile("[1-9][0-9]{3}");

    SearchParameters {
        filters = filters.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(filters));
        counted = counted.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(counted));
    }

    int from() {
        return page == null ? 0 : (page - 1) * size;
    }

    /** Ties a cursor to the query and filters it was made for. */
    String fingerprint() {
        return Integer.toHexString((query + '\u0000' + new TreeMap<>(filters)).hashCode());
    }

    static List<String> names() {
        List<String> names = new ArrayList<>(List.of("q", "sort", "page", "size", "cursor"));
        for (Facet facet : Facet.values()) {
            names.add(facet.wireName());
        }
        names.add("facets");
        return names;
    }

    static SearchParameters read(MultiValueMap<String, String> parameters, SearchProperties properties,
                                 Set<String> knownRegions) {
        ParameterReader reader = new ParameterReader(parameters, names());
        String query = QueryParser.clean(reader.single("q")).strip();
        if (query.isEmpty()) {
            reader.error("q", "is required: the words to search for");
        } else if (query.length() > MAX_QUERY_LENGTH) {
            reader.error("q", "must be at most " + MAX_QUERY_LENGTH + " characters, was " + query.length());
        }
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> values = reader.all(facet.wireName()).stream().distinct()
                    .map(value -> checked(reader, facet, value, knownRegions)).toList();
            if (values.size() > MAX_VALUES_PER_FILTER) {
                reader.error(facet.wireName(), "may be given at most " + MAX_VALUES_PER_FILTER + " times");
            }
            if (!values.isEmpty()) {
                filters.put(facet, values);
            }
        }
        String sortName = reader.single("sort");
        Sorting sorting = sortName == null ? null : Sorting.fromWireName(sortName).orElse(null);
        if (sortName != null && sorting == null) {
            reader.error("sort", "must be one of " + Sorting.wireNames() + ", was '"
                    + ParameterReader.printable(sortName) + "'");
        }
        int size = reader.integer("size", properties.defaultSize(), 1, properties.maxSize());
        Integer page = reader.integer("page", 1, 1, MAX_WINDOW);
        if ((long) page * size > MAX_WINDOW) {
            reader.error("page", "page × size must be at most " + MAX_WINDOW + ", was " + (long) page * size
                    + "; to go deeper, follow nextCursor");
        }
        Cursor cursor = null;
        String cursorText = reader.single("cursor");
        if (cursorText != null) {
            cursor = Cursor.decode(cursorText).orElse(null);
            String fingerprint = new SearchParameters(query, null, filters, null, null, size, null, Set.of())
                    .fingerprint();
            if (reader.has("page")) {
                reader.error("cursor", "cannot go with page: give page for the first pages, cursor to go on");
            } else if (cursor == null) {
                reader.error("cursor", "is not one this service gave: send nextCursor from the last answer as is");
            } else if (sorting != null && sorting != cursor.sorting()) {
                reader.error("cursor", "was made for sort=" + cursor.sorting().wireName() + ", not sort="
                        + sorting.wireName() + ": keep the sort, or leave out the cursor to start again");
            } else if (!cursor.fingerprint().equals(fingerprint)) {
                reader.error("cursor", "was made for another q or other filters: keep them as they were, or "
                        + "leave out the cursor to start again");
            }
            page = null;
        }
        Set<Facet> counted = counted(reader);
        reader.throwIfAny();
        Sorting order = cursor != null ? cursor.sorting() : sorting == null ? Sorting.RELEVANCE : sorting;
        return new SearchParameters(query, QueryParser.parse(query), filters, order, page, size, cursor, counted);
    }

    /**
     * {@code facets}: the facets to count, comma-separated, or {@code none}; every facet when absent. Counting costs
     * Elasticsearch a second pass over the matches, which a caller that shows no facets need not pay for.
     */
    private static Set<Facet> counted(ParameterReader reader) {
        String text = reader.single("facets");
        if (text == null) {
            return EnumSet.allOf(Facet.class);
        }
        List<String> names = Arrays.stream(text.split(",")).map(n -> n.strip().toLowerCase(Locale.ROOT))
                .filter(n -> !n.isEmpty()).toList();
        if (names.equals(List.of(NO_FACETS))) {
            return Set.of();
        }
        Set<Facet> counted = EnumSet.noneOf(Facet.class);
        for (String name : names) {
            Facet facet = Facet.fromWireName(name).orElse(null);
            if (facet == null) {
                reader.error("facets", "must be facet names separated by commas (" + Facet.wireNames() + ") or "
                        + NO_FACETS + ", was '" + ParameterReader.printable(text) + "'");
                return Set.of();
            }
            counted.add(facet);
        }
        if (counted.isEmpty()) {
            reader.error("facets", "names no facet: give " + Facet.wireNames() + " separated by commas, or "
                    + NO_FACETS);
        }
        return counted;
    }

    private static String checked(ParameterReader reader, Facet facet, String value, Set<String> knownRegions) {
        String name = facet.wireName();
        String shown = "'" + ParameterReader.printable(value) + "'";
        switch (facet) {
            case TYPE -> {
                if (!value.equals(ContentType.ARTICLE.wireName()) && !value.equals(ContentType.COUNTRY.wireName())) {
                    reader.error(name, "must be article or country, was " + shown);
                }
            }
            case COUNTRY -> {
                String code = value.toUpperCase(Locale.ROOT);
                if (!COUNTRY_CODE.matcher(value).matches() || !CountryCodes.isKnown(code)) {
                    reader.error(name, "must be an ISO 3166-1 alpha-2 code such as CN or AL, was " + shown);
                }
                return code;
            }
            case REGION -> {
                String known = knownRegions.stream().filter(r -> r.equalsIgnoreCase(value)).findFirst().orElse(null);
                if (known != null) {
                    return known;
                }
                if (!knownRegions.isEmpty()) {
                    reader.error(name, "must be one of " + String.join(", ", new TreeSet<>(knownRegions)) + ", was " + shown);
                }
            }
            case LANGUAGE -> {
                if (!LANGUAGE.matcher(value).matches()) {
                    reader.error(name, "must be a BCP 47 language tag such as en, zh or pt-BR, was " + shown);
                }
            }
            case YEAR -> {
                if (!YEAR.matcher(value).matches()) {
                    reader.error(name, "must be a year of four digits such as 2026, was " + shown);
                }
            }
            case TAG -> {
                if (value.length() > MAX_FILTER_VALUE_LENGTH || value.codePoints().anyMatch(Character::isISOControl)) {
                    reader.error(name, "must be at most " + MAX_FILTER_VALUE_LENGTH
                            + " characters, without control characters, was " + shown);
                }
            }
        }
        return value;
    }
}
