package dev.contentpipeline.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentJsonTests {

    private static final Article ARTICLE = new Article("hegang-winter-markets", "Winter markets of Hegang",
            "Hot pot, pickled cabbage and black bread at thirty below.",
            "Stalls open before dawn.\n\nBy noon the square smells of broth.", "en", List.of("CN"),
            List.of("food", "dongbei"), "Sample Desk", Instant.parse("2026-01-15T07:30:00Z"),
            Instant.parse("2026-01-16T09:00:00Z"), 3L);

    private static final Country COUNTRY = new Country("CS", "Serbia and Montenegro",
            "State Union of Serbia and Montenegro", List.of("Serbia,Montenegro"), Map.of("zh", "塞尔维亚和黑山"),
            "Europe", "Southern Europe", CountryStatus.HISTORICAL, List.of("RS", "ME"),
            "A state union that split in 2006.", 1L);

    @Test
    void articleGoldenFileReadsAsTheRecord() throws IOException {
        assertThat(ContentJson.readArticle(golden("article.json"), true)).isEqualTo(ARTICLE);
    }

    @Test
    void articleWritesAsItsGoldenFile() throws IOException {
        assertThat(tree(ContentJson.write(ARTICLE))).isEqualTo(tree(golden("article.json")));
    }

    @Test
    void countryGoldenFileReadsAsTheRecord() throws IOException {
        assertThat(ContentJson.readCountry(golden("country.json"), true)).isEqualTo(COUNTRY);
    }

    @Test
    void countryWritesAsItsGoldenFile() throws IOException {
        assertThat(tree(ContentJson.write(COUNTRY))).isEqualTo(tree(golden("country.json")));
    }

    @Test
    void aRecordWrittenAtAVersionIsTheRecordWithThatVersionWritten() {
        Article unversioned = new Article("a-1", "Title \"quoted\" } {", null, "Body with \\ and \u00e9 and \uD83D\uDE00}",
                null, null, null, null, Instant.EPOCH, null, null);
        for (Article article : List.of(ARTICLE, unversioned)) {
            for (long version : new long[] {3, 4, 1, Long.MAX_VALUE}) {
                assertThat(ContentJson.writeAtVersion(article, version))
                        .isEqualTo(ContentJson.write(article.withVersion(version)));
            }
        }
        assertThat(ContentJson.atVersion(ContentJson.write(unversioned), 5))
                .isEqualTo(ContentJson.write(unversioned.withVersion(5L)));
        // The same record as a line of a larger body: only its range is read, and copied once with the version.
        byte[] record = ContentJson.write(unversioned);
        byte[] body = new byte[record.length + 7];
        System.arraycopy("{\"x\":".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 5);
        System.arraycopy(record, 0, body, 5, record.length);
        body[body.length - 2] = '}';
        body[body.length - 1] = '\n';
        assertThat(ContentJson.atVersion(body, 5, 5 + record.length, 6))
                .isEqualTo(ContentJson.write(unversioned.withVersion(6L)));
        assertThat(body).startsWith("{\"x\":".getBytes(StandardCharsets.US_ASCII)).endsWith('}', '}', '\n');
        assertThatThrownBy(() -> ContentJson.atVersion(body, 0, 5, 6))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not end with its version");
        Country unversionedCountry = new Country("FR", "France", "French Republic", null,
                Map.of("zh", "法国"), "Europe", null, CountryStatus.CURRENT, null, null, null);
        for (Country country : List.of(COUNTRY, unversionedCountry)) {
            for (long version : new long[] {1, 2, 1_700_000_000_000L}) {
                assertThat(ContentJson.writeAtVersion(country, version))
                        .isEqualTo(ContentJson.write(country.withVersion(version)));
            }
        }
    }

    @Test
    void theHeadOfAnArticleAsWrittenIsFoundWhereTheArticleIs() {
        String x = "x".repeat(Article.MAX_BODY_LENGTH);
        List<String> bodies = List.of("B", "Stalls open.\n\nBy noon.", "quote \" backslash \\ slash / braces } {",
                "two  spaces", " leading", "trailing\n", "a\n\n\nb", "a \nb", "tab\there", "Caf\u00E9", "\uD83D\uDE00",
                "e\u0301", "\u0000", "\u007F", x, x + "x", x.substring(2) + "\nx");
        String template = new String(ContentJson.write(ARTICLE.withVersion(3)), StandardCharsets.UTF_8)
                .replace(",\"version\":3", "%s");
        String body = JsonMapper.shared().writeValueAsString(ARTICLE.body());
        assertThat(template).contains(body);
        int found = 0;
        for (String text : bodies) {
            String written = JsonMapper.shared().writeValueAsString(text);
            for (String escaped : List.of(written, written.replace("/", "\\/"), written.replace("B", "\\u0042"))) {
                for (String version : List.of("", ",\"version\":3", ",\"version\":\"3\"")) {
                    String oneLine = template.formatted(version).replace(body, escaped);
                    byte[] onItsOwn = oneLine.getBytes(StandardCharsets.UTF_8);
                    boolean refusedOnItsOwn = ContentJson.readArticleAsWritten(onItsOwn, 0, onItsOwn.length) == null;
                    // The head is read from JSON on one line only: a line break before the body, or after it.
                    for (String json : List.of(oneLine, oneLine.replace(",\"body\"", ",\r\"body\""),
                            oneLine.replace(",\"language\"", ",\n\"language\""))) {
                        byte[] within = ("{\"record\":" + json + "}").getBytes(StandardCharsets.UTF_8);
                        int from = "{\"record\":".length();
                        Article article = ContentJson.readArticleAsWritten(within, from, within.length - 1);
                        ArticleHead head = ContentJson.readArticleHeadAsWritten(within, from, within.length - 1);
                        assertThat(head).as(json).isEqualTo(article == null || !json.equals(oneLine) ? null
                                : article.head());
                        assertThat(article == null).isEqualTo(refusedOnItsOwn);
                        found += head == null ? 0 : 1;
                    }
                }
            }
        }
        // The seven clean bodies (B, the paragraphs, the escapes, Café, the emoji, the two longest allowed), each in
        // its three escapings, with a version and without.
        assertThat(found).isEqualTo(7 * 3 * 2);
    }

    @Test
    void theBodyIsTakenOnItsBytesOnlyWhereTheParseFindsItsValue() {
        String written = new String(ContentJson.write(ARTICLE), StandardCharsets.UTF_8);
        String body = JsonMapper.shared().writeValueAsString(ARTICLE.body());
        String withoutBody = written.replace(",\"body\":" + body, "");
        String head = "{\"id\":\"hegang-winter-markets\",";
        assertThat(withoutBody).startsWith(head);
        String rest = withoutBody.substring(head.length());
        // Read as written: the body first, last, after a title that holds what looks like a body, its name escaped.
        List<String> asWritten = List.of(
                head + "\"body\":" + body + "," + rest,
                withoutBody.substring(0, withoutBody.length() - 1) + ",\"body\" : " + body + "}",
                written.replace("\"Winter markets of Hegang\"", "\"Winter \\\",\\\"body\\\":\\\"x markets\"")
                        .replace("\"title\"", "\"title\"  "),
                written.replace("\"body\"", "\"bo\\u0064y\""));
        for (String json : asWritten) {
            byte[] bytes = ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
            Article article = ContentJson.readArticleAsWritten(bytes, 1, bytes.length - 1);
            assertThat(article).as(json).isNotNull();
            assertThat(ContentJson.readArticleHeadAsWritten(bytes, 1, bytes.length - 1)).as(json)
                    .isEqualTo(article.head());
            int quote = ContentJson.bodyValueQuote(bytes, 1, bytes.length - 1);
            if (json.contains("bo\\u0064y")) {
                assertThat(quote).isEqualTo(-1);
            } else {
                assertThat(new String(bytes, quote, body.length(), StandardCharsets.UTF_8)).isEqualTo(body);
            }
        }
        // A second body, a body that is not text, a body in an object of the article's: not as written, as before.
        List<String> notAsWritten = List.of(
                written.replace("}", ",\"body\":\"B\"}"),
                written.replace(body, "7"),
                written.replace("\"id\"", "\"tags\":[{\"body\":\"B\"}],\"id\""),
                written.replace(body, "\"B\"") + "x");
        for (String json : notAsWritten) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(ContentJson.readArticleHeadAsWritten(bytes, 0, bytes.length)).as(json).isNull();
        }
        byte[] nested = "{\"tags\":[{\"body\":\"B\"}],\"body\":\"C\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentJson.bodyValueQuote(nested, 0, nested.length)).isEqualTo(nested.length - 4);
        for (String other : List.of("{\"body\":7}", "{\"body\"}", "{\"body\":", "{\"title\":\"body\"}", "{\"a\":\"",
                "[\"body\",\"x\"]")) {
            byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
            assertThat(ContentJson.bodyValueQuote(bytes, 0, bytes.length)).as(other).isEqualTo(-1);
        }
    }

    @Test
    void strictReadingRefusesUnknownFieldsAndLenientReadingIgnoresThem() {
        byte[] json = """
                {"id":"a","title":"T","body":"B","publishedAt":"2026-01-01T00:00:00Z","colour":"red"}
                """.getBytes();
        assertThatThrownBy(() -> ContentJson.readArticle(json, true))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("colour"));
        assertThat(ContentJson.readArticle(json, false).id()).isEqualTo("a");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        byte[] json = """
                {"id":"Not A Slug","body":"","language":"??","countries":["XX","china"],"publishedAt":"2026-01-01T00:00:00Z"}
                """.getBytes();
        assertThatThrownBy(() -> ContentJson.readArticle(json, true))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("id", "title", "body", "language", "countries[0]", "countries[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a number for text                | title       | 12345              | title",
        "a decimal for text               | title       | 1.5                | title",
        "a boolean for text               | title       | true               | title",
        "an array for text                | title       | [\"T\"]          | title",
        "an object for text               | body        | {\"text\":\"B\"} | body",
        "a number in a list of text       | tags        | [\"a\",7]        | tags[1]",
        "text for a list                  | tags        | \"food\"         | tags",
        "text for a number                | version     | \"42\"           | version",
        "a decimal for a whole number     | version     | 4.5                | version",
        "a number for an instant          | publishedAt | 1767225600         | publishedAt"})
    void strictReadingTakesNoValueOfAnotherJsonType(String what, String field, String value, String path) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(java.util.Map.of("title", "\"T\"",
                "body", "\"B\"", "publishedAt", "\"2026-01-01T00:00:00Z\""));
        fields.put(field, value);
        byte[] json = fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}")).getBytes();
        assertThatThrownBy(() -> ContentJson.readForKey(json, Article.class, "id", "a"))
                .as(what)
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).contains(path));
    }

    @Test
    void listsAreCountedAsSentBeforeDuplicatesAreDropped() {
        String tags = String.join(",", java.util.Collections.nCopies(100_000, "\"same\""));
        byte[] json = ("{\"id\":\"a\",\"title\":\"T\",\"body\":\"B\",\"publishedAt\":\"2026-01-01T00:00:00Z\","
                + "\"tags\":[" + tags + "]}").getBytes();
        assertThatThrownBy(() -> ContentJson.readArticle(json, true))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::message).contains("must hold at most 50 items, held 100000"));
        String aliases = String.join(",", java.util.Collections.nCopies(101, "\"Alias\""));
        assertThatThrownBy(() -> new Country("FR", "France", "French Republic",
                java.util.Collections.nCopies(101, "Alias"), java.util.Map.of("zh", "法国"), "Europe", null,
                CountryStatus.CURRENT, java.util.List.of(), null, null))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).contains("aliases"));
    }

    @Test
    void malformedJsonAndWrongTypesNameTheirPlace() {
        assertThatThrownBy(() -> ContentJson.readArticle("{\"id\":".getBytes(), true))
                .isInstanceOfSatisfying(InvalidContentException.class,
                        e -> assertThat(e.violations()).hasSize(1));
        assertThatThrownBy(() -> ContentJson.readArticle("{\"tags\":{\"a\":1}}".getBytes(), true))
                .isInstanceOfSatisfying(InvalidContentException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("tags"));
        assertThatThrownBy(() -> ContentJson.readArticle(new byte[0], true))
                .isInstanceOf(InvalidContentException.class);
    }

    @Test
    void textIsTrimmedAndNormalisedAndDefaultsApply() {
        Article article = new Article(" a-1 ", " Cafe\u0301 ", null, "body", null, List.of("cn", "CN"), null, null,
                Instant.EPOCH, null, null);
        assertThat(article.title()).isEqualTo("Café");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.countries()).containsExactly("CN");
        assertThat(article.updatedAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void reservedCodesAreValidWhereThePublishersListNeedsThem() {
        assertThat(List.of("AC", "TA", "AN", "CS", "CN", "AX")).allMatch(CountryCodes::isKnown);
        assertThat(CountryCodes.isKnown("XX")).isFalse();
    }

    @Test
    void historicalEntriesMustNameTheirSuccessors() {
        assertThatThrownBy(() -> new Country("AN", "Netherlands Antilles", "Netherlands Antilles", null,
                Map.of("zh", "荷属安的列斯"), "Americas", "Caribbean", CountryStatus.HISTORICAL, null, null, null))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("successors"));
    }

    @Test
    void indexDefinitionsAreValidJson() {
        for (IndexDefinition definition : IndexDefinition.values()) {
            assertThat(JsonMapper.shared().readTree(definition.json()).has("mappings")).isTrue();
            assertThat(definition.physicalName("x")).isEqualTo("x-v" + definition.version());
        }
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = ContentJsonTests.class.getResourceAsStream("/golden/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Object tree(byte[] json) {
        return JsonMapper.shared().readTree(json);
    }
}
