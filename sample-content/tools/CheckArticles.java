/*
 * CheckArticles — validates sample-content/articles/*.json.
 *
 * Run from the repository root (/work/main), Java 17+, no dependencies:
 *
 *     java sample-content/tools/CheckArticles.java
 *     java sample-content/tools/CheckArticles.java --dir sample-content/articles \
 *         --countries sample-content/countries.ndjson --seed-article /work/shared/seed/000_01ff75bb23464736.txt
 *
 * Exit status 0 when every check passes, 1 otherwise.
 *
 * Checks, per file:
 *   - one JSON object with exactly the keys id, title, summary, body, language, countries, tags, author,
 *     publishedAt, updatedAt (in that order), all strings / string arrays, none blank;
 *   - id matches [a-z0-9][a-z0-9-]{0,99} and the file is named id + ".json";
 *   - language is "en" or "zh"; zh articles have Chinese title and body;
 *   - body: paragraphs separated by a blank line ("\n\n"), no other line breaks; length 150-400 words for en,
 *     300-800 Han characters for zh (roughly the same reading length);
 *   - summary is a single line; countries are codes present in countries.ndjson; tags are lowercase-hyphenated;
 *   - publishedAt / updatedAt are ISO-8601 UTC instants ("...Z") in 2026, updatedAt >= publishedAt;
 *   - no article about AL uses "Albania"/"Albanian"; an article about CI never writes "Cote d'Ivoire"
 *     without the accent;
 *   - if the seed article is available: no run of 7 consecutive words is shared with it (own prose only).
 */

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class CheckArticles {

    static final List<String> KEYS = List.of("id", "title", "summary", "body", "language", "countries", "tags",
            "author", "publishedAt", "updatedAt");
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern CODE_IN_NDJSON = Pattern.compile("^\\{\"code\":\"([A-Z]{2})\"");
    static final int SHINGLE = 7;

    static final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("sample-content/articles");
        Path countriesFile = Path.of("sample-content/countries.ndjson");
        Path seedArticle = Path.of("/work/shared/seed/000_01ff75bb23464736.txt");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--countries" -> countriesFile = Path.of(args[++i]);
                case "--seed-article" -> seedArticle = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }

        Set<String> codes = new HashSet<>();
        for (String line : Files.readAllLines(countriesFile, StandardCharsets.UTF_8)) {
            Matcher m = CODE_IN_NDJSON.matcher(line);
            if (m.find()) codes.add(m.group(1));
        }
        if (codes.isEmpty()) problem(countriesFile.toString(), "no country codes found");

        Set<String> seedShingles = new HashSet<>();
        if (Files.exists(seedArticle)) {
            seedShingles = shingles(Files.readString(seedArticle, StandardCharsets.UTF_8));
        } else {
            System.err.println("note: seed article " + seedArticle + " not found; skipping the overlap check");
        }

        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Object parsed;
            try {
                parsed = new Json(Files.readString(f, StandardCharsets.UTF_8)).parseDocument();
            } catch (RuntimeException e) {
                problem(name, "invalid JSON: " + e.getMessage());
                continue;
            }
            if (!(parsed instanceof Map<?, ?> a)) {
                problem(name, "not a JSON object");
                continue;
            }
            if (!new ArrayList<>(a.keySet()).equals(KEYS)) problem(name, "keys " + a.keySet() + " != " + KEYS);

            String id = str(a, "id", name);
            String title = str(a, "title", name);
            String summary = str(a, "summary", name);
            String body = str(a, "body", name);
            String language = str(a, "language", name);
            str(a, "author", name);
            List<String> countries = strList(a, "countries", name);
            List<String> tags = strList(a, "tags", name);

            if (!ID.matcher(id).matches()) problem(name, "bad id " + id);
            if (!name.equals(id + ".json")) problem(name, "file name must be id + .json");
            if (!ids.add(id)) problem(name, "duplicate id " + id);

            if (summary.contains("\n")) problem(name, "summary must be one line");
            if (title.contains("\n")) problem(name, "title must be one line");
            for (String para : body.split("\n\n", -1)) {
                if (para.isBlank() || para.contains("\n") || !para.equals(para.strip())) {
                    problem(name, "body paragraphs must be separated by exactly one blank line");
                    break;
                }
            }
            switch (language) {
                case "en" -> {
                    int words = body.trim().split("\\s+").length;
                    if (words < 150 || words > 400) problem(name, "body has " + words + " words (150-400)");
                }
                case "zh" -> {
                    long han = han(body);
                    if (han < 300 || han > 800) problem(name, "body has " + han + " Han characters (300-800)");
                    if (han(title) == 0) problem(name, "zh title has no Chinese");
                }
                default -> problem(name, "language must be en or zh");
            }

            if (countries.isEmpty()) problem(name, "countries is empty");
            for (String c : countries) {
                if (!codes.contains(c)) problem(name, "country " + c + " is not in " + countriesFile);
            }
            if (tags.isEmpty()) problem(name, "tags is empty");
            for (String t : tags) {
                if (!TAG.matcher(t).matches()) problem(name, "tag not lowercase-hyphenated: " + t);
            }

            Instant published = instant(a, "publishedAt", name);
            Instant updated = instant(a, "updatedAt", name);
            if (published != null && updated != null && updated.isBefore(published)) {
                problem(name, "updatedAt is before publishedAt");
            }

            String text = title + "\n" + summary + "\n" + body;
            if (countries.contains("AL") && text.toLowerCase().contains("albania")) {
                problem(name, "AL article must not use the word Albania/Albanian");
            }
            if (countries.contains("CI") && text.contains("Cote d")) {
                problem(name, "write Côte d'Ivoire with its accent");
            }
            if (!seedShingles.isEmpty() && language.equals("en")) {
                Set<String> shared = shingles(text);
                shared.retainAll(seedShingles);
                if (!shared.isEmpty()) problem(name, "shares " + SHINGLE + "-word runs with the seed article: " + shared);
            }
        }

        if (files.isEmpty()) problem(dir.toString(), "no articles found");
        if (problems.isEmpty()) {
            System.out.println("OK: " + files.size() + " articles");
        } else {
            problems.forEach(System.out::println);
            System.out.println(problems.size() + " problem(s)");
            System.exit(1);
        }
    }

    static long han(String s) {
        return s.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
    }

    static Set<String> shingles(String text) {
        String[] w = text.toLowerCase().replaceAll("[^\\p{L}\\p{N}$]+", " ").trim().split(" ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= w.length; i++) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, i + SHINGLE)));
        }
        return out;
    }

    static Instant instant(Map<?, ?> a, String key, String name) {
        String v = str(a, key, name);
        if (!v.endsWith("Z")) {
            problem(name, key + " must be a UTC instant ending in Z");
            return null;
        }
        try {
            Instant t = Instant.parse(v);
            if (t.atZone(ZoneOffset.UTC).getYear() != 2026) problem(name, key + " must be in 2026");
            return t;
        } catch (DateTimeParseException e) {
            problem(name, key + " is not ISO-8601: " + v);
            return null;
        }
    }

    static void problem(String where, String msg) {
        problems.add(where + ": " + msg);
    }

    static String str(Map<?, ?> obj, String key, String name) {
        Object v = obj.get(key);
        if (v instanceof String s && !s.isBlank()) return s;
        problem(name, key + " must be a non-blank string");
        return "";
    }

    static List<String> strList(Map<?, ?> obj, String key, String name) {
        Object v = obj.get(key);
        List<String> out = new ArrayList<>();
        if (!(v instanceof List<?> list)) {
            problem(name, key + " must be an array");
            return out;
        }
        for (Object o : list) {
            if (o instanceof String s) out.add(s);
            else problem(name, key + " must contain only strings");
        }
        return out;
    }

    // Same minimal parser as in CheckCountries.java (single-file programs cannot share code).
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
