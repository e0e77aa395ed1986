package dev.contentpipeline.endtoend.relevance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * sample-content as the suite uses it: the country records and articles as JSON by id, and each country's names
 * with the seed's spelling, which only the hand-kept table has (its rows are in the ndjson's order), and its name in
 * every language of {@code names}.
 */
record SampleContent(Map<String, String> countries, Map<String, String> articles, List<CountryNames> countryNames) {

    /** A country's names to search it by: kind (seed spelling, name, ...) to the name. */
    record CountryNames(String code, List<Map.Entry<String, String>> names) {
    }

    static SampleContent read(Path folder) throws IOException {
        List<String> records = Files.readAllLines(folder.resolve("countries.ndjson"), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).toList();
        List<String> seedNames = seedNames(folder.resolve("tools/countries-source.tsv"));
        if (seedNames.size() != records.size()) {
            throw new IllegalStateException("countries-source.tsv has " + seedNames.size() + " rows for "
                    + records.size() + " records");
        }
        Map<String, String> countries = new LinkedHashMap<>();
        List<CountryNames> names = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode country = JsonMapper.shared().readTree(records.get(i));
            String code = country.get("code").asString();
            countries.put(code, records.get(i));
            names.add(new CountryNames(code, namesOf(country, seedNames.get(i))));
        }
        Map<String, String> articles = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder.resolve("articles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                articles.put(JsonMapper.shared().readTree(json).get("id").asString(), json);
            }
        }
        return new SampleContent(countries, articles, names);
    }

    private static List<Map.Entry<String, String>> namesOf(JsonNode country, String seedName) {
        List<Map.Entry<String, String>> names = new ArrayList<>();
        names.add(Map.entry("seed spelling", seedName));
        names.add(Map.entry("name", country.get("name").asString()));
        names.add(Map.entry("official name", country.get("officialName").asString()));
        country.get("aliases").valueStream().forEach(alias -> names.add(Map.entry("alias", alias.asString())));
        // Every language the record has: the list is sample-content's setting (CountryNames --languages), not ours.
        country.get("names").properties().forEach(name -> names.add(Map.entry("names." + name.getKey(),
                name.getValue().asString())));
        return names;
    }

    /** The seedName column, verbatim (NO-BREAK SPACEs included), of each data row. */
    private static List<String> seedNames(Path table) throws IOException {
        return Files.readAllLines(table, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("seedName\t"))
                .map(line -> line.substring(0, line.indexOf('\t')))
                .toList();
    }
}
