package dev.contentpipeline.samplecontent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks countries.ndjson against the seed and the table it was generated from; exit status 0 when every check
 * passes, 1 otherwise, each problem printed. countries.ndjson does not carry the seed spelling (seedName is not a
 * Country field): line i takes it from row i of countries-source.tsv, which must name the same code.
 *
 * <p>Per line: one JSON object with the keys CountryNames writes, in its order, and no field the Country record
 * lacks; the code two capitals, distinct, ISO 3166-1 or a reserved code used on purpose (AC, TA exceptionally, AN,
 * CS transitionally reserved); the table's seedName equal to the seed line; a seed spelling other than the name,
 * and the plain-ASCII spelling of an accented name, among the aliases (with ordinary spaces for NO-BREAK SPACEs);
 * aliases trimmed, distinct and not the name; a zh name, local names only in the languages given (by default
 * CountryNames'), none the bare code, each in its language's script where CountryNames checks one; a UN M49 region
 * and one of its sub-regions; a status, with successors exactly for historical entries; a one-line summary under
 * 300 characters.
 */
public final class CheckCountries {

    static final String USAGE = """
            usage: CheckCountries --seed SEED/countries.txt [--file countries.ndjson] \
            [--source tools/countries-source.tsv] [--languages zh,zh-Hant,...]
              (the defaults are inside sample-content; the seed lives outside the repository; --languages: those
              CountryNames was given, by default its own)""";

    /** The keys CountryNames writes, in order. */
    static final List<String> KEYS = List.of("code", "name", "officialName", "aliases", "names", "region",
            "subregion", "status", "successors", "summary");

    /** The Country record's fields; PUT /api/countries/{code} refuses any other. */
    static final List<String> ALLOWED = List.of("code", "name", "officialName", "aliases", "names", "region",
            "subregion", "status", "successors", "summary", "version");

    static final Set<String> RESERVED = Set.of("AC", "TA", "AN", "CS");

    static final Map<String, Set<String>> M49 = Map.of(
            "Africa", Set.of("Northern Africa", "Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa"),
            "Americas", Set.of("Caribbean", "Central America", "South America", "Northern America"),
            "Asia", Set.of("Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"),
            "Europe", Set.of("Eastern Europe", "Northern Europe", "Channel Islands", "Southern Europe",
                    "Western Europe"),
            "Oceania", Set.of("Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"),
            "Antarctica", Set.of("Antarctica"));

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    private final List<String> seed;

    private final List<CountrySource.Row> rows;

    private final List<String> languages;

    private final Problems problems = new Problems();

    private final Set<String> codes = new HashSet<>();

    private final Map<String, Integer> statuses = new LinkedHashMap<>();

    private int records;

    CheckCountries(List<String> seed, List<CountrySource.Row> rows, List<String> languages) {
        this.seed = seed;
        this.rows = rows;
        this.languages = languages;
    }

    public static void main(String[] args) throws IOException {
        ToolArguments arguments = ToolArguments.parseOrExit(args, USAGE, List.of("--seed"),
                List.of("--file", "--source", "--languages"));
        List<String> languages = CountryNames.languagesOrExit(arguments.value("--languages"));
        Path source = arguments.path("--source", "tools/countries-source.tsv");
        List<CountrySource.Row> rows;
        try {
            rows = CountrySource.read(source);
        }
        catch (IllegalStateException ex) {
            System.out.println(ex.getMessage());
            System.exit(1);
            return;
        }
        CheckCountries check = new CheckCountries(
                Files.readAllLines(arguments.path("--seed"), StandardCharsets.UTF_8), rows, languages);
        System.exit(check.check(Files.readString(arguments.path("--file", "countries.ndjson"), StandardCharsets.UTF_8))
            .report(check.summary()));
    }

    Problems check(String ndjson) {
        if (!ndjson.endsWith("\n")) {
            this.problems.add("", "file does not end with a newline");
        }
        List<String> lines = Arrays.asList(ndjson.split("\n", -1));
        lines = lines.subList(0, lines.size() - 1);
        this.records = lines.size();
        if (lines.size() != 204) {
            this.problems.add("", "expected 204 lines, found " + lines.size());
        }
        if (lines.size() != this.seed.size()) {
            this.problems.add("", "seed has " + this.seed.size() + " lines, file has " + lines.size());
        }
        if (this.rows.size() != lines.size()) {
            this.problems.add("", "the table has " + this.rows.size() + " rows, file has " + lines.size() + " lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode country = this.problems.object(lines.get(i), "line " + (i + 1));
            if (country != null) {
                checkLine(i, country, "line " + (i + 1));
            }
        }
        return this.problems;
    }

    String summary() {
        return this.records + " records, " + this.codes.size() + " distinct codes, statuses " + this.statuses;
    }

    private void checkLine(int i, ObjectNode country, String where) {
        if (!new ArrayList<>(country.propertyNames()).equals(KEYS)) {
            this.problems.add(where, "keys " + country.propertyNames() + " != " + KEYS);
        }
        for (String key : country.propertyNames()) {
            if (!ALLOWED.contains(key)) {
                this.problems.add(where, "field " + show(key) + " is not a Country field (allowed: "
                        + String.join(", ", ALLOWED) + ")");
            }
        }
        String code = this.problems.string(country, "code", where);
        String name = this.problems.string(country, "name", where);
        this.problems.string(country, "officialName", where);
        List<String> aliases = this.problems.strings(country, "aliases", where);
        checkCode(code, where);
        checkSeedSpelling(i, code, name, aliases, where);
        checkAliases(name, aliases, where);
        checkNames(code, country.path("names"), where);
        checkPlace(country, where);
        checkStatus(code, this.problems.string(country, "status", where),
                this.problems.strings(country, "successors", where), where);
        String summary = this.problems.string(country, "summary", where);
        if (summary.isBlank() || summary.length() >= 300 || summary.contains("\n")) {
            this.problems.add(where, "summary must be one non-blank line under 300 characters (" + summary.length()
                    + ")");
        }
    }

    private void checkCode(String code, String where) {
        if (!code.matches("[A-Z]{2}")) {
            this.problems.add(where, "bad code " + code);
        }
        if (!this.codes.add(code)) {
            this.problems.add(where, "duplicate code " + code);
        }
        if (!ISO.contains(code) && !RESERVED.contains(code)) {
            this.problems.add(where, code + " is neither ISO 3166-1 nor an accepted reserved code");
        }
    }

    /** The seed spelling is the table's row at the same position, which the seed itself must have there. */
    private void checkSeedSpelling(int i, String code, String name, List<String> aliases, String where) {
        if (i >= this.rows.size()) {
            return;
        }
        CountrySource.Row row = this.rows.get(i);
        if (!row.code().equals(code)) {
            this.problems.add(where, "code " + code + " != code " + row.code() + " of the table's row at the same "
                    + "position");
        }
        if (i < this.seed.size() && !this.seed.get(i).equals(row.seedName())) {
            this.problems.add(where, "the table's seedName " + show(row.seedName()) + " != seed line "
                    + show(this.seed.get(i)));
        }
        String visible = row.seedName().replace('\u00a0', ' ');
        if (!visible.equals(name) && !aliases.contains(visible)) {
            this.problems.add(where, "seed spelling " + show(visible) + " differs from name " + show(name)
                    + " but is not an alias");
        }
    }

    private void checkAliases(String name, List<String> aliases, String where) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (!ascii.equals(name) && !aliases.contains(ascii)) {
            this.problems.add(where, "plain-ASCII spelling " + show(ascii) + " of " + show(name)
                    + " missing from aliases");
        }
        Set<String> seen = new HashSet<>();
        for (String alias : aliases) {
            if (alias.isBlank() || !alias.equals(alias.strip())) {
                this.problems.add(where, "blank or untrimmed alias " + show(alias));
            }
            if (alias.equalsIgnoreCase(name)) {
                this.problems.add(where, "alias equals name: " + show(alias));
            }
            if (!seen.add(alias.toLowerCase(Locale.ROOT))) {
                this.problems.add(where, "duplicate alias " + show(alias));
            }
            if (alias.indexOf('\u00a0') >= 0) {
                this.problems.add(where, "alias contains NO-BREAK SPACE: " + show(alias));
            }
        }
    }

    private void checkNames(String code, JsonNode names, String where) {
        if (!names.isObject()) {
            this.problems.add(where, "names is not an object");
            return;
        }
        if (!names.path("zh").isString() || names.path("zh").asString().isBlank()) {
            this.problems.add(where, "names.zh missing for " + code);
        }
        for (Map.Entry<String, JsonNode> name : names.properties()) {
            if (!this.languages.contains(name.getKey())) {
                this.problems.add(where, "unexpected language key " + name.getKey());
            }
            JsonNode value = name.getValue();
            if (!value.isString() || value.asString().isBlank() || value.asString().equalsIgnoreCase(code)) {
                this.problems.add(where, "bad names." + name.getKey() + " = " + value);
            }
            else if (!CountryNames.inExpectedScript(value.asString(), name.getKey())) {
                this.problems.add(where, "names." + name.getKey() + " " + show(value.asString()) + " is not written in "
                        + CountryNames.expectedScripts(name.getKey()));
            }
        }
    }

    private void checkPlace(ObjectNode country, String where) {
        String region = this.problems.string(country, "region", where);
        String subregion = this.problems.string(country, "subregion", where);
        if (!M49.containsKey(region)) {
            this.problems.add(where, "bad region " + show(region));
        }
        else if (!M49.get(region).contains(subregion)) {
            this.problems.add(where, "subregion " + show(subregion) + " not in " + region);
        }
    }

    private void checkStatus(String code, String status, List<String> successors, String where) {
        this.statuses.merge(status, 1, Integer::sum);
        switch (status) {
            case "current", "territory" -> {
                if (!successors.isEmpty()) {
                    this.problems.add(where, "successors given for a " + status + " entry");
                }
            }
            case "historical" -> {
                if (successors.isEmpty()) {
                    this.problems.add(where, "historical entry without successors");
                }
                for (String successor : successors) {
                    if (!ISO.contains(successor)) {
                        this.problems.add(where, "successor " + successor + " is not an ISO 3166-1 code");
                    }
                    if (successor.equals(code)) {
                        this.problems.add(where, "entry is its own successor");
                    }
                }
            }
            default -> this.problems.add(where, "bad status " + show(status));
        }
    }

    private static String show(String text) {
        return "\"" + text.replace("\u00a0", "\\u00a0") + "\"";
    }
}
