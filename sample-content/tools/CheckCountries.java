/*
 * CheckCountries — validates sample-content/countries.ndjson against the seed list.
 *
 * Run from the repository root (/work/main), Java 17+, no dependencies:
 *
 *     java sample-content/tools/CheckCountries.java
 *     java sample-content/tools/CheckCountries.java --seed /work/shared/seed/countries.txt \
 *         --file sample-content/countries.ndjson --source sample-content/tools/countries-source.tsv
 *
 * Exit status 0 when every check passes, 1 otherwise (each problem is printed).
 *
 * Where the seed spelling comes from: countries.ndjson does NOT carry it (the records are PUT to
 * /api/countries/{code}, which refuses unknown fields, and seedName is not a Country field). It is read from the
 * seedName column of countries-source.tsv, whose data rows are in the same order as the ndjson lines
 * (CountryNames writes one line per row, in row order); row i and line i must also name the same code.
 *
 * Checks:
 *   - exactly as many lines as the seed (204) and as the TSV has data rows, each one JSON object with the
 *     expected keys (code, name, officialName, aliases, names, region, subregion, status, successors, summary,
 *     in that order) and types;
 *   - only field names of the Country record appear (code, name, officialName, aliases, names, region,
 *     subregion, status, successors, summary, version): any other key, e.g. seedName, is reported by name;
 *   - the TSV row at the same position has the same code as the ndjson line;
 *   - code: two uppercase letters, all distinct, and either an ISO 3166-1 code known to the JDK or one of the
 *     reserved codes used on purpose (AC, TA exceptionally reserved; AN, CS transitionally reserved);
 *   - the TSV's seedName equals the seed line at the same position, byte for byte (the seed uses NO-BREAK SPACEs);
 *   - every seedName that differs from name appears in aliases (compared after turning NO-BREAK SPACE into
 *     an ordinary space: the alias keeps the seed's visible spelling, without invisible characters);
 *   - a name containing diacritics has its plain-ASCII spelling among the aliases (Åland Islands -> Aland Islands);
 *   - aliases: non-blank, trimmed, no duplicates and none equal to name (case-insensitive);
 *   - names: zh present for every record; values non-blank and never the bare code;
 *   - region / subregion: a UN M49 region and one of its sub-regions (intermediate region where M49 has one);
 *   - status in {current, territory, historical}; historical records (and only they) list successors;
 *   - summary non-blank, single line, under 300 characters.
 */

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

public class CheckCountries {

    /** The keys CountryNames writes, in order. */
    static final List<String> KEYS = List.of("code", "name", "officialName", "aliases", "names", "region",
            "subregion", "status", "successors", "summary");
    /** Field names of the Country record; PUT /api/countries/{code} refuses any other. */
    static final List<String> ALLOWED = List.of("code", "name", "officialName", "aliases", "names", "region",
            "subregion", "status", "successors", "summary", "version");
    static final Set<String> LANGS = Set.of("zh", "zh-Hant", "ja", "ko", "fr", "de", "es", "ru", "ar", "pt", "en");
    static final Set<String> RESERVED = Set.of("AC", "TA", "AN", "CS");
    static final Map<String, Set<String>> M49 = Map.of(
            "Africa", Set.of("Northern Africa", "Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa"),
            "Americas", Set.of("Caribbean", "Central America", "South America", "Northern America"),
            "Asia", Set.of("Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"),
            "Europe", Set.of("Eastern Europe", "Northern Europe", "Channel Islands", "Southern Europe", "Western Europe"),
            "Oceania", Set.of("Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"),
            "Antarctica", Set.of("Antarctica"));

    static final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path seed = Path.of("/work/shared/seed/countries.txt");
        Path file = Path.of("sample-content/countries.ndjson");
        Path source = Path.of("sample-content/tools/countries-source.tsv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Path.of(args[++i]);
                case "--file" -> file = Path.of(args[++i]);
                case "--source" -> source = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }

        List<String> seedLines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        if (!raw.endsWith("\n")) problem(0, "file does not end with a newline");
        List<String> lines = Arrays.asList(raw.split("\n", -1)).subList(0, raw.split("\n", -1).length - 1);
        if (lines.size() != 204) problem(0, "expected 204 lines, found " + lines.size());
        if (lines.size() != seedLines.size()) problem(0, "seed has " + seedLines.size() + " lines, file has " + lines.size());
        List<String[]> tsv = readTsv(source); // {seedName, code} per data row, in row order
        if (tsv.size() != lines.size()) problem(0, source + " has " + tsv.size() + " data rows, file has " + lines.size() + " lines");

        Set<String> iso = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
        Set<String> codes = new HashSet<>();
        Map<String, Integer> statusCount = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            Object parsed;
            try {
                parsed = new Json(lines.get(i)).parseDocument();
            } catch (RuntimeException e) {
                problem(n, "invalid JSON: " + e.getMessage());
                continue;
            }
            if (!(parsed instanceof Map<?, ?> obj)) {
                problem(n, "not a JSON object");
                continue;
            }
            if (!new ArrayList<>(obj.keySet()).equals(KEYS)) problem(n, "keys " + obj.keySet() + " != " + KEYS);
            for (Object k : obj.keySet()) {
                if (!ALLOWED.contains(k)) problem(n, "field " + show(String.valueOf(k)) + " is not a Country field (allowed: " + String.join(", ", ALLOWED) + ")");
            }

            String code = str(obj, "code", n);
            String name = str(obj, "name", n);
            // The seed spelling comes from the TSV row at the same position, not from the ndjson.
            String seedName = "";
            if (i < tsv.size()) {
                seedName = tsv.get(i)[0];
                if (!tsv.get(i)[1].equals(code)) {
                    problem(n, "code " + code + " != code " + tsv.get(i)[1] + " of the TSV row at the same position");
                }
                if (seedName.isBlank()) problem(n, "TSV seedName must be non-blank");
            }
            str(obj, "officialName", n);
            String region = str(obj, "region", n);
            String subregion = str(obj, "subregion", n);
            String status = str(obj, "status", n);
            String summary = str(obj, "summary", n);
            List<String> aliases = strList(obj, "aliases", n);
            List<String> successors = strList(obj, "successors", n);

            if (!code.matches("[A-Z]{2}")) problem(n, "bad code " + code);
            if (!codes.add(code)) problem(n, "duplicate code " + code);
            if (!iso.contains(code) && !RESERVED.contains(code)) problem(n, code + " is neither ISO 3166-1 nor an accepted reserved code");

            if (i < seedLines.size() && !seedLines.get(i).equals(seedName)) {
                problem(n, "TSV seedName " + show(seedName) + " != seed line " + show(seedLines.get(i)));
            }
            String visibleSeed = seedName.replace('\u00a0', ' ');
            if (!visibleSeed.equals(name) && !aliases.contains(visibleSeed)) {
                problem(n, "seed spelling " + show(visibleSeed) + " differs from name " + show(name) + " but is not an alias");
            }
            String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            if (!ascii.equals(name) && !aliases.contains(ascii)) {
                problem(n, "plain-ASCII spelling " + show(ascii) + " of " + show(name) + " missing from aliases");
            }
            Set<String> seenAliases = new HashSet<>();
            for (String a : aliases) {
                if (a.isBlank() || !a.equals(a.strip())) problem(n, "blank or untrimmed alias " + show(a));
                if (a.equalsIgnoreCase(name)) problem(n, "alias equals name: " + show(a));
                if (!seenAliases.add(a.toLowerCase(Locale.ROOT))) problem(n, "duplicate alias " + show(a));
                if (a.indexOf('\u00a0') >= 0) problem(n, "alias contains NO-BREAK SPACE: " + show(a));
            }

            Object namesObj = obj.get("names");
            if (!(namesObj instanceof Map<?, ?> names)) {
                problem(n, "names is not an object");
            } else {
                if (!(names.get("zh") instanceof String zh) || zh.isBlank()) problem(n, "names.zh missing for " + code);
                for (Map.Entry<?, ?> e : names.entrySet()) {
                    if (!LANGS.contains(e.getKey())) problem(n, "unexpected language key " + e.getKey());
                    if (!(e.getValue() instanceof String v) || v.isBlank() || v.equalsIgnoreCase(code)) {
                        problem(n, "bad names." + e.getKey() + " = " + e.getValue());
                    }
                }
            }

            if (!M49.containsKey(region)) problem(n, "bad region " + show(region));
            else if (!M49.get(region).contains(subregion)) problem(n, "subregion " + show(subregion) + " not in " + region);

            statusCount.merge(status, 1, Integer::sum);
            switch (status) {
                case "current", "territory" -> {
                    if (!successors.isEmpty()) problem(n, "successors given for a " + status + " entry");
                }
                case "historical" -> {
                    if (successors.isEmpty()) problem(n, "historical entry without successors");
                    for (String s : successors) {
                        if (!iso.contains(s)) problem(n, "successor " + s + " is not an ISO 3166-1 code");
                        if (s.equals(code)) problem(n, "entry is its own successor");
                    }
                }
                default -> problem(n, "bad status " + show(status));
            }

            if (summary.isBlank() || summary.length() >= 300 || summary.contains("\n")) {
                problem(n, "summary must be one non-blank line under 300 characters (" + summary.length() + ")");
            }
        }

        if (problems.isEmpty()) {
            System.out.println("OK: " + lines.size() + " records, " + codes.size() + " distinct codes, statuses " + statusCount);
        } else {
            problems.forEach(System.out::println);
            System.out.println(problems.size() + " problem(s)");
            System.exit(1);
        }
    }

    /**
     * The data rows of countries-source.tsv as {seedName, code}, in row order. Same layout rules as CountryNames:
     * '#' and empty lines skipped, the first other line is the header. seedName is taken verbatim (not trimmed).
     */
    static List<String[]> readTsv(Path source) throws java.io.IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> header = null;
        int seedCol = -1, codeCol = -1;
        List<String> tsvLines = Files.readAllLines(source, StandardCharsets.UTF_8);
        for (int i = 0; i < tsvLines.size(); i++) {
            String line = tsvLines.get(i);
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (header == null) {
                header = Arrays.asList(f);
                seedCol = header.indexOf("seedName");
                codeCol = header.indexOf("code");
                if (seedCol < 0 || codeCol < 0) {
                    problem(0, source + ": header " + header + " lacks a seedName or code column");
                    return rows;
                }
                continue;
            }
            if (f.length != header.size()) {
                problem(0, source + ":" + (i + 1) + ": expected " + header.size() + " tab-separated fields, got " + f.length);
                rows.add(new String[] {"", ""});
                continue;
            }
            rows.add(new String[] {f[seedCol], f[codeCol].trim()});
        }
        if (header == null) problem(0, source + ": no header line");
        return rows;
    }

    static void problem(int line, String msg) {
        problems.add((line > 0 ? "line " + line + ": " : "") + msg);
    }

    static String str(Map<?, ?> obj, String key, int n) {
        Object v = obj.get(key);
        if (v instanceof String s && !s.isBlank()) return s;
        problem(n, key + " must be a non-blank string");
        return "";
    }

    static List<String> strList(Map<?, ?> obj, String key, int n) {
        Object v = obj.get(key);
        List<String> out = new ArrayList<>();
        if (!(v instanceof List<?> list)) {
            problem(n, key + " must be an array");
            return out;
        }
        for (Object o : list) {
            if (o instanceof String s) out.add(s);
            else problem(n, key + " must contain only strings");
        }
        return out;
    }

    static String show(String s) {
        return "\"" + s.replace("\u00a0", "\\u00a0") + "\"";
    }

    /** Minimal strict JSON parser: objects become LinkedHashMap, arrays ArrayList, numbers Double. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object parseDocument() {
            Object v = value();
            ws();
            if (i != s.length()) throw err("trailing characters");
            return v;
        }

        private Object value() {
            ws();
            if (i >= s.length()) throw err("unexpected end");
            char c = s.charAt(i);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                if (peek() != '"') throw err("expected key");
                String k = string();
                ws();
                expect(':');
                if (m.containsKey(k)) throw err("duplicate key " + k);
                m.put(k, value());
                ws();
                char c = next();
                if (c == '}') return m;
                if (c != ',') throw err("expected , or }");
            }
        }

        private List<Object> array() {
            List<Object> a = new ArrayList<>();
            i++;
            ws();
            if (peek() == ']') {
                i++;
                return a;
            }
            while (true) {
                a.add(value());
                ws();
                char c = next();
                if (c == ']') return a;
                if (c != ',') throw err("expected , or ]");
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') return sb.toString();
                if (c < 0x20) throw err("control character in string");
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw err("bad \\u escape");
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw err("bad escape \\" + e);
                }
            }
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            if (start == i) throw err("unexpected character '" + s.charAt(i) + "'");
            return Double.parseDouble(s.substring(start, i));
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) throw err("bad literal");
            i += word.length();
            return v;
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
        }

        private char peek() {
            if (i >= s.length()) throw err("unexpected end");
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) throw err("expected '" + c + "'");
        }

        private RuntimeException err(String msg) {
            return new IllegalArgumentException(msg + " at offset " + i);
        }
    }
}
