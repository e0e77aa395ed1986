package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.index.IndexProperties;
import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;
import dev.contentpipeline.model.IndexFields;
import dev.contentpipeline.model.InvalidContentException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documents the mapper sends are the ones it sent when it parsed each record, wrote it again and sent that as a
 * map: the same fields with the same values (order aside), for records as ingest publishes them, as other tools
 * write them, and for tombstones and countries.
 */
class IndexWriteMapperTests {

    private static final Path SAMPLES = Path.of("..", "sample-content");
    private static final List<String> NAMES = List.of("Côte d'Ivoire", "Republic of Côte d'Ivoire", "Ivory Coast");

    private final ContentNames names = bind("content", ContentNames.class);
    private final IndexWriteMapper mapper = new IndexWriteMapper(bind("index", IndexProperties.class), names);
    private final IndexTargets targets = IndexTargets.aliases(names);

    static Stream<String> sampleArticles() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES.resolve("articles"))) {
            return files.map(Path::toString).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sampleArticles")
    void sendsWhatTheParsedAndRewrittenRecordSaid(String file) throws IOException {
        byte[] json = Files.readAllBytes(Path.of(file));
        Article article = ContentJson.readArticle(json, false);
        byte[] published = ContentJson.writeAtVersion(article, 17);

        assertSameDocument(article(published, header(5)), true);
        assertSameDocument(article(published, header(null)), true);
        assertSameDocument(article(ContentJson.write(article), header(5)), true);
        assertSameDocument(article(ContentJson.write(article), header(null)), true);
        // As the file holds it: on many lines, so it is written again for the bulk body.
        assertSameDocument(article(json, header(5)), false);
    }

    @Test
    void writesAgainWhatIsNotAsTheArticleWouldBeWritten() {
        String canonical = "\"id\":\"a-1\",\"title\":\"T\",\"body\":\"B\",\"language\":\"en\",\"countries\":[\"CI\"],"
                + "\"tags\":[],\"publishedAt\":\"2026-03-02T08:00:00Z\",\"updatedAt\":\"2026-03-02T08:00:00Z\"";
        assertSameDocument(article(("{" + canonical + "}").getBytes(StandardCharsets.UTF_8), header(3)), true);
        assertSameDocument(article(("{ " + canonical + " ,\"version\":4 }\t").getBytes(StandardCharsets.UTF_8),
                header(3)), true);
        String escaped = canonical.replace("\"B\"", "\"\\\"Caf\u00E9\\\" \\\\ \u4E2D\u6587 \uD83D\uDE00\\nnext line\"");
        String reordered = "\"publishedAt\":\"2026-03-02T08:00:00Z\",\"version\":4,\"tags\":[],\"countries\":[\"CI\"],"
                + "\"body\":\"B\",\"updatedAt\":\"2026-03-02T08:00:00Z\",\"language\":\"en\",\"title\":\"T\",\"id\":\"a-1\"";
        for (String same : List.of(escaped, escaped.replace("Caf\u00E9", "Caf\\u00e9"),
                canonical.replace("\"B\"", "\"\\u0042\""), // escaped otherwise, the same text
                reordered)) { // the same fields in another order
            assertSameDocument(article(("{" + same + "}").getBytes(StandardCharsets.UTF_8), header(3)), true);
        }
        for (String other : List.of(
                canonical + ",\"source\":\"another tool\"", // unknown to the article: not indexed
                canonical + ",\"type\":\"page\",\"deleted\":true,\"countryNames\":[\"x\"]", // fields the indexer sets
                canonical.replace("\"CI\"", "\"ci\""), // codes upper-cased
                canonical.replace("\"T\"", "\"  T \""), // text cleaned
                canonical.replace(",\"language\":\"en\"", ""), // English by default
                canonical.replace(",\"updatedAt\":\"2026-03-02T08:00:00Z\"", ""), // updated when published
                canonical.replace(",\"tags\":[]", ""), // no tags: an empty list
                canonical.replace("08:00:00Z\",\"updatedAt", "08:00:00.000Z\",\"updatedAt"), // instants as written
                canonical + ",\"summary\":null,\"author\":null",
                canonical + ",\"version\":4.0",
                canonical.replace("\"T\"", "5"), // a number for a text
                canonical.replace("\"tags\":[]", "\"tags\":[7]"),
                canonical.replace("[\"CI\"]", "[\"CI\",\"CI\"]"), // one code once
                canonical.replace("T08:00:00Z\",\"updatedAt", "T08:00:00+00:00\",\"updatedAt"),
                canonical.replace(",\"body\"", ",\n\"body\""))) { // a bulk body is a line per document
            assertSameDocument(article(("{" + other + "}").getBytes(StandardCharsets.UTF_8), header(3)), false);
        }
    }

    @Test
    void refusesWhatItRefusedBefore() {
        for (String bad : List.of("{", "[]", "{\"id\":\"a-1\",\"id\":\"a-1\"}", "{\"id\":\"A 1\",\"title\":\"T\"}",
                "{\"id\":\"a-1\",\"title\":\"T\",\"body\":\"B\",\"publishedAt\":\"2026-03-02T08:00:00Z\"} {}")) {
            byte[] json = bad.getBytes(StandardCharsets.UTF_8);
            InvalidContentException expected = org.junit.jupiter.api.Assertions.assertThrows(
                    InvalidContentException.class, () -> ContentJson.readArticle(json, false));
            ConsumerRecord<String, byte[]> record = record(names.topics().articles(), "a-1", json, header(3));
            assertThatThrownBy(() -> mapper.toWrite(record, targets))
                    .isInstanceOf(InvalidContentException.class).hasMessage(expected.getMessage());
        }
        byte[] otherKey = "{\"id\":\"a-2\",\"title\":\"T\",\"body\":\"B\",\"publishedAt\":\"2026-03-02T08:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> mapper.toWrite(record(names.topics().articles(), "a-1", otherKey, header(3)),
                targets))
                .isInstanceOf(InvalidContentException.class).hasMessageContaining("differs from the record's id");
    }

    @Test
    void marksDeletedRecordsAndWritesCountriesAsBefore() throws IOException {
        ConsumerRecord<String, byte[]> tombstone = record(names.topics().articles(), "a-1", null, header(9));
        IndexWrite marker = mapper.toWrite(tombstone, targets);
        assertThat(marker.recordJson()).isNull();
        assertThat(marker.document()).containsExactly(Map.entry(IndexFields.TYPE, "article"),
                Map.entry(IndexFields.ID, "a-1"), Map.entry(IndexFields.VERSION, 9L),
                Map.entry(IndexFields.DELETED, true));

        for (String line : Files.readAllLines(SAMPLES.resolve("countries.ndjson")).subList(0, 20)) {
            Country country = ContentJson.readCountry(line.getBytes(StandardCharsets.UTF_8), false);
            ConsumerRecord<String, byte[]> record = record(names.topics().countries(), country.code(),
                    line.getBytes(StandardCharsets.UTF_8), header(null));
            IndexWrite write = mapper.toWrite(record, targets);
            assertThat(tree(write.document())).isEqualTo(tree(before(record, ContentType.COUNTRY)));
        }
    }

    /** Compares the document sent with the one the mapper sent before, with country names added to both. */
    private void assertSameDocument(ConsumerRecord<String, byte[]> record, boolean recordBytesSent) {
        IndexWrite write = mapper.toWrite(record, targets);
        write.document().put(CountryNameEnricher.FIELD, NAMES);
        Map<String, Object> before = before(record, ContentType.ARTICLE);
        before.put(CountryNameEnricher.FIELD, NAMES);

        byte[] sent = write.recordJson().with(write.document());
        assertThat(tree(sent)).isEqualTo(tree(before));
        assertThat(new String(sent, StandardCharsets.UTF_8)).doesNotContain("\n").doesNotContain("\r");
        assertThat(write.recordJson().json() == record.value()).isEqualTo(recordBytesSent);
        assertThat(write.countryCodes()).isEqualTo(before.get("countries"));
        assertThat(write.version()).isEqualTo(((Number) before.get(IndexFields.VERSION)).longValue());
    }

    /** The document as the mapper made it before it sent the record's bytes. */
    private static Map<String, Object> before(ConsumerRecord<String, byte[]> record, ContentType type) {
        Object parsed = type == ContentType.ARTICLE ? ContentJson.readArticle(record.value(), false)
                : ContentJson.readCountry(record.value(), false);
        Long version = parsed instanceof Article article ? article.version() : ((Country) parsed).version();
        Map<String, Object> document = JsonMapper.shared().readValue(ContentJson.write(parsed),
                new TypeReference<LinkedHashMap<String, Object>>() {
                });
        document.put(IndexFields.TYPE, type.wireName());
        document.put(IndexFields.ID, record.key());
        document.put(IndexFields.VERSION, version != null ? version : Optional.ofNullable(
                record.headers().lastHeader(ContentHeaders.VERSION))
                .map(h -> Long.parseLong(new String(h.value(), StandardCharsets.UTF_8)))
                .orElse(record.timestamp() * 1_000L));
        document.put(IndexFields.DELETED, false);
        return document;
    }

    private ConsumerRecord<String, byte[]> article(byte[] json, RecordHeaders headers) {
        String id = JsonMapper.shared().readTree(json).path("id").asString("a-1");
        return record(names.topics().articles(), id, json, headers);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, byte[] value,
                                                         RecordHeaders headers) {
        return new ConsumerRecord<>(topic, 0, 42, 1_772_438_400_000L, TimestampType.CREATE_TIME,
                key == null ? 0 : key.length(), value == null ? 0 : value.length, key, value, headers,
                Optional.empty());
    }

    private static RecordHeaders header(Integer version) {
        RecordHeaders headers = new RecordHeaders();
        if (version != null) {
            headers.add(ContentHeaders.VERSION, version.toString().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Numbers read back the same way on both sides (a Long and an Integer of one value are one JSON number). */
    private static JsonNode tree(Object document) {
        byte[] json = document instanceof byte[] bytes ? bytes : JsonMapper.shared().writeValueAsBytes(document);
        return JsonMapper.shared().readTree(json);
    }

    private static <T> T bind(String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate(prefix, type);
    }
}
