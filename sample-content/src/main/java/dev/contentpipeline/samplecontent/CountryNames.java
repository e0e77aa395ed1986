package dev.contentpipeline.samplecontent;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
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

/**
 * Generates countries.ndjson from tools/countries-source.tsv, in the table's row order (the seed's order), after
 * checking the table's seedName column against the seed line by line, byte for byte.
 *
 * <p>Each line carries code, name, officialName, aliases, names, region, subregion, status, successors, summary, in
 * that order: not seedName (the records are PUT to /api/countries/{code}, which refuses unknown fields; the seed
 * spelling stays in the table, and CheckCountries pairs line i with row i to find it), not version.
 *
 * <p>{@code names} is not typed by hand: it is the JDK's CLDR name of the code in each language of
 * {@code --languages} (by default {@link #DEFAULT_LANGUAGES}). A language is left out where the JDK has none (it
 * answers with the code), or where a language written in another script gets a fallback in the wrong script (a
 * Latin name for hi, say): {@link #expectedScripts} names the script each such language must be written in. Only the
 * CLDR provider is used (unless {@code -Djava.locale.providers} says otherwise): COMPAT is deprecated in JDK 21 and
 * gone in 23. CLDR has no name at all for the transitionally reserved AN and CS (in any language, on 17.0.15), so
 * their zh name comes from {@link #ZH_BY_HAND}, which lists AC and TA too in case another JDK lacks them; an entry is
 * used only where the JDK has no zh name. The tool prints every code and language the JDK has no name for.
 */
public final class CountryNames {

    /**
     * The languages of {@code names} by default, in output order: the original eleven, then Hindi, Bengali,
     * Indonesian, Turkish, Italian, Vietnamese, Persian, Urdu and Swahili, for readers in South Asia, Indonesia,
     * Turkey, Italy, Vietnam, Iran and East Africa.
     */
    static final List<String> DEFAULT_LANGUAGES = List.of("zh", "zh-Hant", "ja", "ko", "fr", "de", "es", "ru", "ar",
            "pt", "en", "hi", "bn", "id", "tr", "it", "vi", "fa", "ur", "sw");

    static final String USAGE = """
            usage: CountryNames --seed SEED/countries.txt [--source tools/countries-source.tsv] \
            [--out countries.ndjson] [--languages %s]
              (the defaults are inside sample-content; the seed lives outside the repository; --languages: BCP 47
              tags, comma-separated, in output order, zh among them)""".formatted(String.join(",", DEFAULT_LANGUAGES));

    /** Content-model's Country takes at most this many languages in {@code names}. */
    static final int MAX_LANGUAGES = 200;

    static final Map<String, String> ZH_BY_HAND = Map.of(
            "AC", "阿森松岛",
            "TA", "特里斯坦-达库尼亚",
            "AN", "荷属安的列斯",
            "CS", "塞尔维亚和黑山");

    // Non-ASCII text is written as UTF-8, except invisible and space-like characters (a stray NO-BREAK SPACE), which
    // are escaped so that a reader of the file sees them; '/' stays as it is (Jackson 3 would escape it).
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
        .characterEscapes(new InvisibleCharacters())
        .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
        .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
        .build()).build();

    private CountryNames() {
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty("java.locale.providers") == null) {
            // Setting it works only before the JVM's first locale-sensitive call, which a host such as Maven's
            // exec:java has made long before: there the names would silently come from COMPAT too.
            if (CountryNames.class.getClassLoader() != ClassLoader.getSystemClassLoader()) {
                System.err.println("CountryNames needs the JVM started with -Djava.locale.providers=CLDR: "
                        + "MAVEN_OPTS=-Djava.locale.providers=CLDR mvn ... exec:java ..., or java -cp (see README.md)");
                System.exit(2);
            }
            System.setProperty("java.locale.providers", "CLDR");
        }
        ToolArguments arguments = ToolArguments.parseOrExit(args, USAGE, List.of("--seed"),
                List.of("--source", "--out", "--languages"));
        List<String> languages = languagesOrExit(arguments.value("--languages"));
        List<CountrySource.Row> rows = CountrySource.read(arguments.path("--source", "tools/countries-source.tsv"));
        matchSeed(rows, Files.readAllLines(arguments.path("--seed"), StandardCharsets.UTF_8));
        Path out = arguments.path("--out", "countries.ndjson");

        StringBuilder ndjson = new StringBuilder();
        Map<String, List<String>> missing = new TreeMap<>();
        List<String> byHand = new ArrayList<>();
        for (CountrySource.Row row : rows) {
            Map<String, String> names = new LinkedHashMap<>();
            if (jdkName(row.code(), "zh") == null && ZH_BY_HAND.containsKey(row.code())) {
                names.put("zh", ZH_BY_HAND.get(row.code()));
                byHand.add(row.code());
            }
            for (String language : languages) {
                String name = jdkName(row.code(), language);
                if (name != null) {
                    names.put(language, name);
                }
                else {
                    missing.computeIfAbsent(row.code(), (code) -> new ArrayList<>()).add(language);
                }
            }
            ndjson.append(json(row, names)).append('\n');
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, ndjson, StandardCharsets.UTF_8);

        System.err.println("java.locale.providers=" + System.getProperty("java.locale.providers")
                + ", java.version=" + System.getProperty("java.version"));
        System.err.println("wrote " + rows.size() + " records to " + out + ", names in " + languages);
        missing.forEach((code, absent) -> System.err.println("  JDK has no name for " + code + " in: " + absent));
        if (!byHand.isEmpty()) {
            System.err.println("  zh supplied by hand for: " + byHand);
        }
    }

    /** The record's line of countries.ndjson. */
    static String json(CountrySource.Row row, Map<String, String> names) {
        ObjectNode record = JSON.createObjectNode()
            .put("code", row.code())
            .put("name", row.name())
            .put("officialName", row.officialName());
        row.aliases().forEach(record.putArray("aliases")::add);
        ObjectNode localNames = record.putObject("names");
        names.forEach(localNames::put);
        record.put("region", row.region()).put("subregion", row.subregion()).put("status", row.status());
        row.successors().forEach(record.putArray("successors")::add);
        record.put("summary", row.summary());
        return JSON.writeValueAsString(record);
    }

    /** The JDK's name of the country in the language, or null where it has none of its own. */
    static String jdkName(String code, String language) {
        @SuppressWarnings("deprecation") // new Locale(...) is the way on Java 17
        Locale region = new Locale("", code);
        String name = region.getDisplayCountry(Locale.forLanguageTag(language));
        if (name == null || name.isBlank() || name.equalsIgnoreCase(code)) {
            return null;
        }
        return inExpectedScript(name, language) ? name : null;
    }

    /** The languages of a {@code --languages} value, or the reason and the usage, and exit 2. */
    static List<String> languagesOrExit(String commaSeparated) {
        try {
            return languages(commaSeparated);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return null;
        }
    }

    /**
     * The languages of a {@code --languages} value, null for the default. Refused: a tag that is not well-formed
     * BCP 47, one given twice, a list without zh (every Country needs it) or longer than a Country takes.
     */
    static List<String> languages(String commaSeparated) {
        if (commaSeparated == null) {
            return DEFAULT_LANGUAGES;
        }
        List<String> languages = List.of(commaSeparated.split(",", -1));
        for (String language : languages) {
            if (language.isEmpty() || !Locale.forLanguageTag(language).toLanguageTag().equalsIgnoreCase(language)) {
                throw new IllegalArgumentException("--languages: '" + language + "' is not a BCP 47 language tag");
            }
        }
        if (languages.stream().distinct().count() != languages.size()) {
            throw new IllegalArgumentException("--languages names a language twice: " + commaSeparated);
        }
        if (!languages.contains("zh")) {
            throw new IllegalArgumentException("--languages must include zh: every country record needs its Chinese "
                    + "name");
        }
        if (languages.size() > MAX_LANGUAGES) {
            throw new IllegalArgumentException("--languages names " + languages.size() + " languages; a country "
                    + "record takes at most " + MAX_LANGUAGES);
        }
        return languages;
    }

    static boolean inExpectedScript(String name, String language) {
        Set<Character.UnicodeScript> scripts = expectedScripts(language);
        return scripts == null || name.codePoints().anyMatch((c) -> scripts.contains(Character.UnicodeScript.of(c)));
    }

    /**
     * The scripts a name in the language must use (one of), or null for a Latin-script language, whose names may be
     * the English spelling ("Kosovo"). CLDR falls back to the English name where a language has none of its own,
     * which for a language in another script is no name of it at all.
     */
    static Set<Character.UnicodeScript> expectedScripts(String language) {
        return switch (Locale.forLanguageTag(language).getLanguage()) {
            case "zh" -> Set.of(Character.UnicodeScript.HAN);
            case "ja" -> Set.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA);
            case "ko" -> Set.of(Character.UnicodeScript.HANGUL, Character.UnicodeScript.HAN);
            case "ru", "uk", "bg", "be" -> Set.of(Character.UnicodeScript.CYRILLIC);
            case "ar", "fa", "ur", "ps" -> Set.of(Character.UnicodeScript.ARABIC);
            case "hi", "mr", "ne" -> Set.of(Character.UnicodeScript.DEVANAGARI);
            case "bn" -> Set.of(Character.UnicodeScript.BENGALI);
            case "ta" -> Set.of(Character.UnicodeScript.TAMIL);
            case "te" -> Set.of(Character.UnicodeScript.TELUGU);
            case "th" -> Set.of(Character.UnicodeScript.THAI);
            case "el" -> Set.of(Character.UnicodeScript.GREEK);
            case "he" -> Set.of(Character.UnicodeScript.HEBREW);
            default -> null;
        };
    }

    private static void matchSeed(List<CountrySource.Row> rows, List<String> seed) {
        if (seed.size() != rows.size()) {
            throw new IllegalStateException("the seed has " + seed.size() + " lines, the table " + rows.size()
                    + " rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!seed.get(i).equals(rows.get(i).seedName())) {
                throw new IllegalStateException("seed line " + (i + 1) + " " + JSON.writeValueAsString(seed.get(i))
                        + " != the table's seedName " + JSON.writeValueAsString(rows.get(i).seedName()));
            }
        }
    }

    /** Escapes, as \\uXXXX, the characters a reader would not see: controls, NO-BREAK and other odd spaces. */
    private static final class InvisibleCharacters extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        InvisibleCharacters() {
            for (int c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    this.ascii[c] = ESCAPE_CUSTOM;
                }
            }
            this.ascii[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return this.ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean invisible = c < 0x20 || c == 0x7f || c == 0xa0 || c == 0xad || (c >= 0x2000 && c <= 0x200f)
                    || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x2060 || c == 0xfeff;
            return invisible ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
