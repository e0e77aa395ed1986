package dev.contentpipeline.index.indexing;

import dev.contentpipeline.model.IndexFields;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Countries' names by code, as articles carry them in {@code countryNames}: a country's short and official names,
 * its aliases and its names in other languages; none for a deleted country, or a code without a record.
 */
final class CountryNameTable {

    private final Map<String, List<String>> names = new HashMap<>();

    CountryNameTable() {
    }

    CountryNameTable(CountryNameTable copied) {
        names.putAll(copied.names);
    }

    /** Knows the country by its document (a record's, or the index's). */
    void put(String code, Map<?, ?> country) {
        names.put(code, namesOf(country));
    }

    /** Knows the code as one with no names, unless its names are known. */
    void putWithoutNames(String code) {
        names.putIfAbsent(code, List.of());
    }

    void putAll(CountryNameTable other) {
        names.putAll(other.names);
    }

    /** Adds to {@code into} the codes an article names that this table does not know. */
    void addUnknownCodes(List<String> codes, Set<String> into) {
        codes.stream().filter(code -> !names.containsKey(code)).forEach(into::add);
    }

    /** The names of an article's countries, each once, in the order of its codes. */
    List<String> namesFor(List<String> codes) {
        Set<String> result = new LinkedHashSet<>();
        codes.forEach(code -> result.addAll(names.getOrDefault(code, List.of())));
        return List.copyOf(result);
    }

    /** The codes an article's document names. */
    @SuppressWarnings("unchecked")
    static List<String> codesOf(Map<?, ?> article) {
        return article.get("countries") instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static List<String> namesOf(Map<?, ?> country) {
        if (Boolean.TRUE.equals(country.get(IndexFields.DELETED))) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String field : List.of("name", "officialName")) {
            if (country.get(field) instanceof String name) {
                result.add(name);
            }
        }
        if (country.get("aliases") instanceof List<?> aliases) {
            aliases.forEach(alias -> result.add(String.valueOf(alias)));
        }
        if (country.get("names") instanceof Map<?, ?> byLanguage) {
            byLanguage.values().forEach(name -> result.add(String.valueOf(name)));
        }
        return List.copyOf(result);
    }
}
