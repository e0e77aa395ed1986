package dev.contentpipeline.samplecontent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * tools/countries-source.tsv, the hand-kept table countries.ndjson is generated from: one row per seed line, in
 * seed order. Tab-separated; '#' and empty lines skipped; the first other line is the header. aliases are
 * ';'-separated, successors ','-separated. seedName is the seed line verbatim (NO-BREAK SPACEs included), so it is
 * never trimmed.
 */
final class CountrySource {

    /** One data row, with the number of its line in the file. */
    record Row(int line, String seedName, String code, String name, String officialName, List<String> aliases,
            String region, String subregion, String status, List<String> successors, String summary) {
    }

    static final List<String> COLUMNS = List.of("seedName", "code", "name", "officialName", "aliases", "region",
            "subregion", "status", "successors", "summary");

    private static final Set<String> STATUSES = Set.of("current", "territory", "historical");

    private static final Set<String> REGIONS = Set.of("Africa", "Americas", "Asia", "Europe", "Oceania",
            "Antarctica");

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    private CountrySource() {
    }

    /** The data rows in file order; a row that breaks the table's rules stops the reading with its line. */
    static List<Row> read(Path table) throws IOException {
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            int number = i + 1;
            if (!headerSeen) {
                headerSeen = true;
                if (!List.of(fields).equals(COLUMNS)) {
                    throw wrong(table, number, "the header must be " + String.join(" TAB ", COLUMNS));
                }
                continue;
            }
            if (fields.length != COLUMNS.size()) {
                throw wrong(table, number, "expected " + COLUMNS.size() + " tab-separated fields, got "
                        + fields.length);
            }
            Row row = new Row(number, fields[0], fields[1].trim(), fields[2].trim(), fields[3].trim(),
                    split(fields[4], ";"), fields[5].trim(), fields[6].trim(), fields[7].trim(), split(fields[8], ","),
                    fields[9].trim());
            check(table, row);
            rows.add(row);
        }
        if (!headerSeen) {
            throw new IllegalStateException(table + ": no header line");
        }
        return rows;
    }

    private static void check(Path table, Row row) {
        if (!CODE.matcher(row.code()).matches()) {
            throw wrong(table, row.line(), "bad code " + row.code());
        }
        if (row.seedName().isBlank() || row.name().isEmpty() || row.officialName().isEmpty()
                || row.summary().isEmpty()) {
            throw wrong(table, row.line(), "empty field");
        }
        if (!STATUSES.contains(row.status())) {
            throw wrong(table, row.line(), "bad status " + row.status());
        }
        if (!REGIONS.contains(row.region())) {
            throw wrong(table, row.line(), "bad region " + row.region());
        }
        if (row.status().equals("historical") == row.successors().isEmpty()) {
            throw wrong(table, row.line(), "successors must be given exactly for historical rows");
        }
    }

    private static IllegalStateException wrong(Path table, int line, String message) {
        return new IllegalStateException(table + ":" + line + ": " + message);
    }

    private static List<String> split(String list, String separator) {
        List<String> items = new ArrayList<>();
        for (String part : list.split(Pattern.quote(separator), -1)) {
            String item = part.trim();
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }
}
