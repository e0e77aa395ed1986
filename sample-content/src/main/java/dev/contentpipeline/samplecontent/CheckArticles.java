package dev.contentpipeline.samplecontent;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * FieldChecks articles/*.json; exit status 0 when every check passes, 1 otherwise, each problem printed.
 *
 * <p>Per file: one JSON object with exactly the keys id, title, summary, body, language, countries, tags, author,
 * publishedAt, updatedAt (in that order), none blank; the id a slug and the file named after it; language en or zh,
 * a zh article with a Chinese title; a body of paragraphs separated by one blank line, 150-400 words in English or
 * 300-800 Han characters in Chinese (about the same reading time); a one-line title and summary; countries that
 * countries.ndjson has; lowercase-hyphenated tags; UTC instants in 2026, updatedAt not before publishedAt; no
 * "Albania" in an article about AL, no unaccented "Cote d'Ivoire"; and, the prose being the project's own, no run of
 * seven words shared with the seed article.
 */
public final class CheckArticles {

    static final String USAGE = """
            usage: CheckArticles --seed-article SEED/000_01ff75bb23464736.txt [--dir articles] \
            [--countries countries.ndjson]
              (the defaults are inside sample-content; the seed lives outside the repository)""";

    static final List<String> KEYS = List.of("id", "title", "summary", "body", "language", "countries", "tags",
            "author", "publishedAt", "updatedAt");

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static final int SHINGLE = 7;

    private final Set<String> countryCodes;

    private final Set<String> seedShingles;

    private final Problems problems = new Problems();

    private final Set<String> ids = new HashSet<>();

    /** @param seedShingles the seed article's runs of {@value #SHINGLE} words; empty to leave the overlap out */
    CheckArticles(Set<String> countryCodes, Set<String> seedShingles) {
        this.countryCodes = countryCodes;
        this.seedShingles = seedShingles;
    }

    public static void main(String[] args) throws IOException {
        ToolArguments arguments = ToolArguments.parseOrExit(args, USAGE, List.of("--seed-article"),
                List.of("--dir", "--countries"));
        Path countries = arguments.path("--countries", "countries.ndjson");
        Set<String> seedShingles = shingles(Files.readString(arguments.path("--seed-article"), StandardCharsets.UTF_8));
        Path dir = arguments.path("--dir", "articles");
        Problems problems = new CheckArticles(countryCodes(countries), seedShingles).check(dir);
        System.exit(problems.report(articles(dir).size() + " articles"));
    }

    /** The codes of countries.ndjson; a line that is not JSON has none (CheckCountries says why). */
    static Set<String> countryCodes(Path countries) throws IOException {
        Set<String> codes = new HashSet<>();
        for (String line : Files.readAllLines(countries, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                try {
                    JsonNode code = JsonMapper.shared().readTree(line).path("code");
                    if (code.isString()) {
                        codes.add(code.asString());
                    }
                }
                catch (JacksonException ex) {
                    // not a record: no code
                }
            }
        }
        return codes;
    }

    Problems check(Path dir) throws IOException {
        if (this.countryCodes.isEmpty()) {
            this.problems.add("", "no country codes found");
        }
        List<Path> files = articles(dir);
        if (files.isEmpty()) {
            this.problems.add(dir.toString(), "no articles found");
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            ObjectNode article = this.problems.object(Files.readString(file, StandardCharsets.UTF_8), name);
            if (article != null) {
                check(article, name);
            }
        }
        return this.problems;
    }

    static List<Path> articles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private void check(ObjectNode article, String name) {
        if (!new ArrayList<>(article.propertyNames()).equals(KEYS)) {
            this.problems.add(name, "keys " + article.propertyNames() + " != " + KEYS);
        }
        String id = this.problems.string(article, "id", name);
        String title = this.problems.string(article, "title", name);
        String summary = this.problems.string(article, "summary", name);
        String body = this.problems.string(article, "body", name);
        String language = this.problems.string(article, "language", name);
        this.problems.string(article, "author", name);
        List<String> countries = this.problems.strings(article, "countries", name);
        List<String> tags = this.problems.strings(article, "tags", name);

        if (!ID.matcher(id).matches()) {
            this.problems.add(name, "bad id " + id);
        }
        if (!name.equals(id + ".json")) {
            this.problems.add(name, "file name must be id + .json");
        }
        if (!this.ids.add(id)) {
            this.problems.add(name, "duplicate id " + id);
        }
        checkText(title, summary, body, language, name);
        checkLabels(countries, tags, name);
        Instant published = instant(article, "publishedAt", name);
        Instant updated = instant(article, "updatedAt", name);
        if (published != null && updated != null && updated.isBefore(published)) {
            this.problems.add(name, "updatedAt is before publishedAt");
        }
        checkWording(title + "\n" + summary + "\n" + body, language, countries, name);
    }

    private void checkText(String title, String summary, String body, String language, String name) {
        if (summary.contains("\n")) {
            this.problems.add(name, "summary must be one line");
        }
        if (title.contains("\n")) {
            this.problems.add(name, "title must be one line");
        }
        for (String paragraph : body.split("\n\n", -1)) {
            if (paragraph.isBlank() || paragraph.contains("\n") || !paragraph.equals(paragraph.strip())) {
                this.problems.add(name, "body paragraphs must be separated by exactly one blank line");
                break;
            }
        }
        switch (language) {
            case "en" -> {
                int words = body.trim().split("\\s+").length;
                if (words < 150 || words > 400) {
                    this.problems.add(name, "body has " + words + " words (150-400)");
                }
            }
            case "zh" -> {
                long han = han(body);
                if (han < 300 || han > 800) {
                    this.problems.add(name, "body has " + han + " Han characters (300-800)");
                }
                if (han(title) == 0) {
                    this.problems.add(name, "zh title has no Chinese");
                }
            }
            default -> this.problems.add(name, "language must be en or zh");
        }
    }

    private void checkLabels(List<String> countries, List<String> tags, String name) {
        if (countries.isEmpty()) {
            this.problems.add(name, "countries is empty");
        }
        for (String country : countries) {
            if (!this.countryCodes.contains(country)) {
                this.problems.add(name, "country " + country + " is not in countries.ndjson");
            }
        }
        if (tags.isEmpty()) {
            this.problems.add(name, "tags is empty");
        }
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                this.problems.add(name, "tag not lowercase-hyphenated: " + tag);
            }
        }
    }

    private void checkWording(String text, String language, List<String> countries, String name) {
        if (countries.contains("AL") && text.toLowerCase(Locale.ROOT).contains("albania")) {
            this.problems.add(name, "AL article must not use the word Albania/Albanian");
        }
        if (countries.contains("CI") && text.contains("Cote d")) {
            this.problems.add(name, "write Côte d'Ivoire with its accent");
        }
        if (!this.seedShingles.isEmpty() && language.equals("en")) {
            Set<String> shared = shingles(text);
            shared.retainAll(this.seedShingles);
            if (!shared.isEmpty()) {
                this.problems.add(name, "shares " + SHINGLE + "-word runs with the seed article: " + shared);
            }
        }
    }

    private Instant instant(ObjectNode article, String key, String name) {
        String value = this.problems.string(article, key, name);
        if (!value.endsWith("Z")) {
            this.problems.add(name, key + " must be a UTC instant ending in Z");
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (instant.atZone(ZoneOffset.UTC).getYear() != 2026) {
                this.problems.add(name, key + " must be in 2026");
            }
            return instant;
        }
        catch (DateTimeParseException ex) {
            this.problems.add(name, key + " is not ISO-8601: " + value);
            return null;
        }
    }

    private static long han(String text) {
        return text.codePoints().filter((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }

    static Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}$]+", " ").trim().split(" ");
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + SHINGLE <= words.length; i++) {
            shingles.add(String.join(" ", Arrays.copyOfRange(words, i, i + SHINGLE)));
        }
        return shingles;
    }
}
