/*
 * CountryNames — generates sample-content/countries.ndjson.
 *
 * Run from the repository root (/work/main), Java 17+, no dependencies:
 *
 *     java sample-content/tools/CountryNames.java
 *
 * Optional arguments (defaults shown):
 *
 *     java sample-content/tools/CountryNames.java \
 *         --source sample-content/tools/countries-source.tsv \
 *         --seed   /work/shared/seed/countries.txt \
 *         --out    sample-content/countries.ndjson
 *
 * Then check the result:
 *
 *     java sample-content/tools/CheckCountries.java
 *
 * What comes from where:
 *   - Every hand-written field (code, name, officialName, aliases, region, subregion, status,
 *     successors, summary) is kept in countries-source.tsv, one row per seed line, in seed order.
 *   - The TSV's first column, seedName, is the seed line verbatim (NO-BREAK SPACEs included). It stays in the
 *     TSV, which remains the source of truth, and is cross-checked against the seed file when that is present,
 *     but it is NOT written to countries.ndjson: the records are PUT to /api/countries/{code}, which refuses
 *     unknown fields, and seedName is not a field of the Country record. Each ndjson line carries only
 *     code, name, officialName, aliases, names, region, subregion, status, successors, summary (in that order;
 *     the record's optional "version" is not written). The output keeps the TSV's row order (= seed order),
 *     so CheckCountries pairs ndjson line i with TSV row i to find its seed spelling.
 *   - The "names" object (language -> localized country name) is NOT typed by hand: it is read from the
 *     JDK's CLDR locale data with new Locale("", code).getDisplayCountry(locale) for
 *     zh, zh-Hant, ja, ko, fr, de, es, ru, ar, pt, en.
 *   - A language is left out when the JDK has no name for the code: getDisplayCountry() then returns
 *     the code itself (e.g. "AN"). As a second guard, for languages written in a non-Latin script
 *     (zh, zh-Hant, ja, ko, ru, ar) a value containing no letter of that script is treated as an
 *     English fallback and left out too.
 *
 * Locale provider: the program pins java.locale.providers=CLDR (unless you pass -Djava.locale.providers=...
 * yourself), so the output is pure CLDR and does not depend on the legacy COMPAT provider, which is
 * deprecated in JDK 21 and removed in JDK 23.
 *
 * What the JDK lacks (checked on OpenJDK 17.0.15, CLDR provider):
 *   - AC (Ascension Island) and TA (Tristan da Cunha): CLDR HAS names in all 11 languages; nothing supplied by hand.
 *   - AN (Netherlands Antilles) and CS (Serbia and Montenegro): CLDR has NO name in any of the 11 languages
 *     (these transitionally reserved codes are not in CLDR's territory list), so getDisplayCountry() returns
 *     "AN"/"CS". For these, and only these, the zh name is supplied by hand from ZH_BY_HAND below; the other
 *     languages are left out. (Under the default CLDR,COMPAT chain the legacy COMPAT data would fill AN/CS in
 *     most languages, but ar for AN and ru/ar for CS would come back in English.)
 *   - ZH_BY_HAND also lists AC and TA in case a different JDK lacks them; an entry is used only when the
 *     JDK returns no zh name.
 */

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

public class CountryNames {

    /** Output language keys, in output order, mapped to BCP 47 tags. */
    static final String[] LANGS = {"zh", "zh-Hant", "ja", "ko", "fr", "de", "es", "ru", "ar", "pt", "en"};

    /** Hand-supplied zh names, used ONLY where the JDK returns no zh name (see header). */
    static final Map<String, String> ZH_BY_HAND = Map.of(
            "AC", "阿森松岛",
            "TA", "特里斯坦-达库尼亚",
            "AN", "荷属安的列斯",
            "CS", "塞尔维亚和黑山");

    static final Set<String> STATUSES = Set.of("current", "territory", "historical");
    static final Set<String> REGIONS = Set.of("Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica");
    static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    record Row(int line, String seedName, String code, String name, String officialName, List<String> aliases,
               String region, String subregion, String status, List<String> successors, String summary) {}

    public static void main(String[] args) throws IOException {
        // Must happen before the first locale-sensitive call in this JVM.
        if (System.getProperty("java.locale.providers") == null) {
            System.setProperty("java.locale.providers", "CLDR");
        }

        Path source = Path.of("sample-content/tools/countries-source.tsv");
        Path seed = Path.of("/work/shared/seed/countries.txt");
        Path out = Path.of("sample-content/countries.ndjson");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--source" -> source = Path.of(args[++i]);
                case "--seed" -> seed = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    System.exit(2);
                }
            }
        }

        List<Row> rows = readSource(source);
        crossCheckSeed(rows, seed);

        StringBuilder ndjson = new StringBuilder();
        Map<String, List<String>> missing = new TreeMap<>();
        List<String> byHand = new ArrayList<>();
        for (Row r : rows) {
            Map<String, String> names = new LinkedHashMap<>();
            for (String lang : LANGS) {
                String v = jdkName(r.code(), lang);
                if (v != null) {
                    names.put(lang, v);
                } else {
                    missing.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(lang);
                }
            }
            if (!names.containsKey("zh") && ZH_BY_HAND.containsKey(r.code())) {
                // Keep "zh" first in the object.
                Map<String, String> withZh = new LinkedHashMap<>();
                withZh.put("zh", ZH_BY_HAND.get(r.code()));
                withZh.putAll(names);
                names = withZh;
                byHand.add(r.code());
            }
            ndjson.append(toJson(r, names)).append('\n');
        }

        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, ndjson, StandardCharsets.UTF_8);

        System.err.println("java.locale.providers=" + System.getProperty("java.locale.providers")
                + ", java.version=" + System.getProperty("java.version"));
        System.err.println("wrote " + rows.size() + " records to " + out);
        missing.forEach((code, langs) -> System.err.println("  JDK has no name for " + code + " in: " + langs));
        if (!byHand.isEmpty()) {
            System.err.println("  zh supplied by hand for: " + byHand);
        }
    }

    /** The JDK's localized name, or null if it has none (returns the code, or a fallback in the wrong script). */
    static String jdkName(String code, String lang) {
        @SuppressWarnings("deprecation") // new Locale(...) is the documented way on Java 17
        Locale region = new Locale("", code);
        String v = region.getDisplayCountry(Locale.forLanguageTag(lang));
        if (v == null || v.isBlank() || v.equalsIgnoreCase(code)) {
            return null;
        }
        if (!inExpectedScript(v, lang)) {
            return null;
        }
        return v;
    }

    static boolean inExpectedScript(String v, String lang) {
        Set<Character.UnicodeScript> scripts = switch (lang) {
            case "zh", "zh-Hant" -> Set.of(Character.UnicodeScript.HAN);
            case "ja" -> Set.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA);
            case "ko" -> Set.of(Character.UnicodeScript.HANGUL, Character.UnicodeScript.HAN);
            case "ru" -> Set.of(Character.UnicodeScript.CYRILLIC);
            case "ar" -> Set.of(Character.UnicodeScript.ARABIC);
            default -> null; // Latin-script languages: equality with English can be legitimate ("Kosovo").
        };
        if (scripts == null) {
            return true;
        }
        return v.codePoints().anyMatch(cp -> scripts.contains(Character.UnicodeScript.of(cp)));
    }

    static List<Row> readSource(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!headerSeen) {
                headerSeen = true;
                if (!f[0].equals("seedName")) {
                    throw new IllegalStateException(source + ": first non-comment line must be the header");
                }
                continue;
            }
            int n = i + 1;
            if (f.length != 10) {
                throw new IllegalStateException(source + ":" + n + ": expected 10 tab-separated fields, got " + f.length);
            }
            Row r = new Row(n, f[0], f[1].trim(), f[2].trim(), f[3].trim(), split(f[4], ";"),
                    f[5].trim(), f[6].trim(), f[7].trim(), split(f[8], ","), f[9].trim());
            if (!CODE.matcher(r.code()).matches()) fail(source, n, "bad code " + r.code());
            if (r.name().isEmpty() || r.officialName().isEmpty() || r.summary().isEmpty()) fail(source, n, "empty field");
            if (!STATUSES.contains(r.status())) fail(source, n, "bad status " + r.status());
            if (!REGIONS.contains(r.region())) fail(source, n, "bad region " + r.region());
            if (r.status().equals("historical") == r.successors().isEmpty()) {
                fail(source, n, "successors must be given exactly for historical rows");
            }
            rows.add(r);
        }
        return rows;
    }

    static void fail(Path p, int line, String msg) {
        throw new IllegalStateException(p + ":" + line + ": " + msg);
    }

    static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(Pattern.quote(sep), -1)) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** If the seed file is present, the source rows must match it line by line, byte for byte. */
    static void crossCheckSeed(List<Row> rows, Path seed) {
        if (!Files.exists(seed)) {
            System.err.println("note: seed " + seed + " not found; skipping the seed cross-check");
            return;
        }
        List<String> seedLines;
        try {
            seedLines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (seedLines.size() != rows.size()) {
            throw new IllegalStateException("seed has " + seedLines.size() + " lines, source has " + rows.size() + " rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!seedLines.get(i).equals(rows.get(i).seedName())) {
                throw new IllegalStateException("seed line " + (i + 1) + " " + quote(seedLines.get(i))
                        + " != source seedName " + quote(rows.get(i).seedName()));
            }
        }
    }

    static String toJson(Row r, Map<String, String> names) {
        StringBuilder sb = new StringBuilder("{");
        field(sb, "code", r.code()).append(',');
        field(sb, "name", r.name()).append(',');
        field(sb, "officialName", r.officialName()).append(',');
        sb.append(quote("aliases")).append(':').append(array(r.aliases())).append(',');
        sb.append(quote("names")).append(":{");
        boolean first = true;
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            field(sb, e.getKey(), e.getValue());
        }
        sb.append("},");
        field(sb, "region", r.region()).append(',');
        field(sb, "subregion", r.subregion()).append(',');
        field(sb, "status", r.status()).append(',');
        sb.append(quote("successors")).append(':').append(array(r.successors())).append(',');
        field(sb, "summary", r.summary());
        // No "seedName" here: it is not a Country field (the API refuses unknown fields); it stays in the TSV.
        return sb.append('}').toString();
    }

    static StringBuilder field(StringBuilder sb, String k, String v) {
        return sb.append(quote(k)).append(':').append(quote(v));
    }

    static String array(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(values.get(i)));
        }
        return sb.append(']').toString();
    }

    /**
     * JSON string literal. Non-ASCII text is written as UTF-8, except invisible/space-like characters
     * (e.g. a stray NO-BREAK SPACE), which are written as \\uXXXX so they stay visible.
     */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean invisible = c < 0x20 || c == 0x7f || c == 0xa0 || c == 0xad
                            || (c >= 0x2000 && c <= 0x200f) || c == 0x2028 || c == 0x2029
                            || c == 0x202f || c == 0x2060 || c == 0xfeff;
                    if (invisible) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
