package dev.contentpipeline.ingest.bulk;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article line whose record says exactly what writing the article would is published as sent, with its version
 * added; every line, taken that way or not, gives the same record (field order aside) or the same refusal as reading
 * it into a tree, an article and its JSON written again.
 */
class BulkLinesTests {

    private static final long MAX = 1_000_000;
    private static final String CANONICAL = "{\"id\":\"a-1\",\"title\":\"T\",\"body\":\"B \\\"q\\\" \u4E2D\u6587\","
            + "\"language\":\"en\",\"countries\":[\"CI\"],\"tags\":[\"x\"],\"publishedAt\":\"2026-03-02T08:00:00Z\","
            + "\"updatedAt\":\"2026-03-02T08:00:00Z\"}";

    @Test
    void publishesARecordAsSentWhereItSaysWhatWritingItWould() {
        String reordered = "{\"updatedAt\":\"2026-03-02T08:00:00Z\",\"tags\":[\"x\"],\"id\":\"a-1\",\"title\":\"T\","
                + "\"body\":\"B \\\"q\\\" \\u4e2d\u6587\",\"language\":\"en\",\"countries\":[\"CI\"],"
                + "\"publishedAt\":\"2026-03-02T08:00:00Z\"}";
        for (String record : List.of(CANONICAL, reordered, CANONICAL.replace(",\"tags\"", " , \"tags\" "))) {
            for (String line : List.of("{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + record + "}",
                    "{ \"record\" : " + record + " , \"op\":\"upsert\",\"type\":\"article\" }\r",
                    "{\"op\":\"upsert\", \"type\":\"article\",\"record\" :  " + record + " } \r")) {
                byte[] published = assertSameAsBefore(line);
                // As sent: its own order, spaces and escapes, the version added at its end.
                assertThat(new String(published, StandardCharsets.UTF_8))
                        .isEqualTo(record.substring(0, record.length() - 1) + ",\"version\":42}");
            }
        }
    }

    @Test
    void readsEveryOtherLineAsBefore() {
        List<String> records = List.of(
                CANONICAL.replace("}", ",\"version\":7}"), // a version asked for
                CANONICAL.replace("\"T\"", "\" T \""), // text cleaned
                CANONICAL.replace("[\"CI\"]", "[\"ci\"]"), // codes upper-cased
                CANONICAL.replace(",\"language\":\"en\"", ""), // English by default
                CANONICAL.replace("08:00:00Z\",\"updatedAt", "08:00:00.000Z\",\"updatedAt"),
                CANONICAL.replace("}", ",\"summary\":null}"),
                CANONICAL.replace("}", ",\"source\":\"x\"}"), // unknown: refused
                CANONICAL.replace("\"T\"", "5"), // a number for a text: refused
                CANONICAL.replace("}", ",\"id\":\"a-1\"}"), // twice: refused
                CANONICAL.replace("\"a-1\"", "\"A 1\""), // not a slug: refused
                CANONICAL.replace("2026-03-02T08:00:00Z\",\"updatedAt", "yesterday\",\"updatedAt"));
        for (String record : records) {
            assertSameAsBefore("{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + record + "}");
        }
        for (String line : List.of(
                "{\"type\":\"article\",\"op\":\"delete\",\"record\":" + CANONICAL + "}",
                "{\"type\":\"country\",\"op\":\"upsert\",\"record\":{\"code\":\"CI\",\"name\":\"Côte d'Ivoire\"}}",
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + CANONICAL + ",\"extra\":1}",
                "{\"type\":\"article\",\"type\":\"article\",\"op\":\"upsert\",\"record\":" + CANONICAL + "}",
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + CANONICAL + "} {}",
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + CANONICAL,
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":[" + CANONICAL + "]}",
                // Found on the bytes, then not taken: the record is not the last field, or not one object.
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + CANONICAL + ",\"z\":{}}",
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + CANONICAL + ",\"record\":{}}",
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + CANONICAL + "}}",
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":{\"id\":\"a-1\"},\"x\":" + CANONICAL + "}",
                "{\"type\":\"article\\\",\\\"record\\\":{\",\"op\":\"upsert\",\"record\":" + CANONICAL + "}",
                "{\"type\":\"article\",\"op\":\"upsert\",\"record\":{}}",
                "[]")) {
            assertSameAsBefore(line);
        }
    }

    /** Parses the line in the middle of a body and compares with the tree reading; the record published at 42. */
    private static byte[] assertSameAsBefore(String line) {
        byte[] body = ("{\"before\":1}\n" + line + "\n{\"after\":1}").getBytes(StandardCharsets.UTF_8);
        BulkLines.Line parsed = BulkLines.split(body).get(1);
        BulkLines.Parsed now = BulkLines.parse(parsed, MAX);
        BulkLines.Parsed before = parseAsBefore(parsed);
        assertThat(now.errors()).isEqualTo(before.errors());
        if (before.write() == null) {
            assertThat(now.write()).isNull();
            return null;
        }
        assertThat(now.write().type()).isEqualTo(before.write().type());
        assertThat(now.write().id()).isEqualTo(before.write().id());
        assertThat(now.write().version()).isEqualTo(before.write().version());
        if (before.write().valueAt() == null) {
            assertThat(now.write().valueAt()).isNull();
            return null;
        }
        byte[] published = now.write().valueAt().apply(42);
        assertThat(tree(published)).isEqualTo(tree(before.write().valueAt().apply(42)));
        Article article = ContentJson.readArticle(published, true);
        assertThat(article.version()).isEqualTo(42L);
        return published;
    }

    /** The line read as every line was before: into a tree, an article, and the article written again. */
    private static BulkLines.Parsed parseAsBefore(BulkLines.Line line) {
        return BulkLines.parseAsTree(line, MAX);
    }

    private static JsonNode tree(byte[] json) {
        return JsonMapper.shared().readTree(json);
    }
}
