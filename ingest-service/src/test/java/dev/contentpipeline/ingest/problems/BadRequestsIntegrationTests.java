package dev.contentpipeline.ingest.problems;

import dev.contentpipeline.ingest.IngestIntegrationTestSupport;
import dev.contentpipeline.localstack.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * A table of requests that must be refused: each gets its 4xx and a problem body, and a read of both topics
 * afterwards proves that none of them published anything.
 */
class BadRequestsIntegrationTests extends IngestIntegrationTestSupport {

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String ARTICLE = """
            {"title":"Fine title","body":"Fine body","publishedAt":"2026-01-01T00:00:00Z"%s}""";
    private static final String COUNTRY = """
            {"name":"Belarus","officialName":"Republic of Belarus","names":{"zh":"白俄罗斯"},"region":"Europe",
             "status":"current"%s}""";

    private record Case(String name, HttpRequest.Builder request, int status) {
    }

    @Test
    void everyBadRequestGetsItsStatusAndAProblemAndNothingIsPublished() throws Exception {
        long articlesBefore = TopicReader.endOffset(ARTICLES);
        long countriesBefore = TopicReader.endOffset(COUNTRIES);
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);

        assertSoftly(softly -> {
            for (Case c : cases) {
                HttpResponse<String> response;
                try {
                    response = send(c.request());
                } catch (Exception e) {
                    softly.fail(c.name() + ": " + e);
                    continue;
                }
                softly.assertThat(response.statusCode()).as(c.name() + " " + abbreviate(response.body()))
                        .isEqualTo(c.status());
                softly.assertThat(response.headers().firstValue("Content-Type")).as(c.name())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                JsonNode problem = json(response);
                softly.assertThat(problem.path("status").asInt()).as(c.name() + " " + abbreviate(response.body()))
                        .isEqualTo(c.status());
                softly.assertThat(problem.path("title").asString()).as(c.name()).isNotBlank();
                if (c.status() == 400) {
                    softly.assertThat(problem.path("errors").isArray()).as(c.name()).isTrue();
                }
            }
        });

        assertThat(TopicReader.endOffset(ARTICLES)).as("records published to " + ARTICLES).isEqualTo(articlesBefore);
        assertThat(TopicReader.endOffset(COUNTRIES)).as("records published to " + COUNTRIES)
                .isEqualTo(countriesBefore);
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(put("malformed JSON", "/api/articles/bad-1", "{\"title\":", 400));
        cases.add(put("a JSON array", "/api/articles/bad-2", "[1,2]", 400));
        cases.add(put("a JSON string", "/api/articles/bad-3", "\"text\"", 400));
        cases.add(put("tags as a string", "/api/articles/bad-4", ARTICLE.formatted(",\"tags\":\"food\""), 400));
        cases.add(put("title as an object", "/api/articles/bad-5", """
                {"title":{"en":"T"},"body":"B","publishedAt":"2026-01-01T00:00:00Z"}""", 400));
        cases.add(put("version as text", "/api/articles/bad-6", ARTICLE.formatted(",\"version\":\"abc\""), 400));
        cases.add(put("missing title and body", "/api/articles/bad-7", "{\"publishedAt\":\"2026-01-01T00:00:00Z\"}",
                400));
        cases.add(put("unknown field", "/api/articles/bad-8", ARTICLE.formatted(",\"colour\":\"red\""), 400));
        cases.add(put("duplicate field", "/api/articles/bad-9", ARTICLE.formatted(",\"title\":\"again\""), 400));
        cases.add(put("trailing content", "/api/articles/bad-10", ARTICLE.formatted("") + " {}", 400));
        cases.add(put("over-long title", "/api/articles/bad-11", """
                {"title":"%s","body":"B","publishedAt":"2026-01-01T00:00:00Z"}""".formatted("t".repeat(501)), 400));
        cases.add(put("51 tags", "/api/articles/bad-12", ARTICLE.formatted(",\"tags\":["
                + String.join(",", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "\"t" + i + "\"").toList())
                + "]"), 400));
        cases.add(put("over-long tag", "/api/articles/bad-13",
                ARTICLE.formatted(",\"tags\":[\"" + "x".repeat(101) + "\"]"), 400));
        cases.add(put("bad id in the path", "/api/articles/Bad_Id", ARTICLE.formatted(""), 400));
        cases.add(put("id contradicting the path", "/api/articles/bad-15", ARTICLE.formatted(",\"id\":\"other\""),
                400));
        cases.add(put("unknown country code in the path", "/api/countries/XX", COUNTRY.formatted(""), 400));
        cases.add(put("unknown country code in a list", "/api/articles/bad-17",
                ARTICLE.formatted(",\"countries\":[\"ZZ\"]"), 400));
        cases.add(put("country without a Chinese name", "/api/countries/BY", """
                {"name":"Belarus","officialName":"Republic of Belarus","names":{},"region":"Europe",
                 "status":"current"}""", 400));
        cases.add(put("historical country without successors", "/api/countries/CS", """
                {"name":"Serbia and Montenegro","officialName":"Serbia and Montenegro","names":{"zh":"塞黑"},
                 "region":"Europe","status":"historical"}""", 400));
        cases.add(put("publishedAt not ISO-8601", "/api/articles/bad-20", """
                {"title":"T","body":"B","publishedAt":"yesterday"}""", 400));
        cases.add(put("updatedAt before publishedAt", "/api/articles/bad-21",
                ARTICLE.formatted(",\"updatedAt\":\"2025-01-01T00:00:00Z\""), 400));
        cases.add(put("version zero", "/api/articles/bad-22", ARTICLE.formatted(",\"version\":0"), 400));
        cases.add(put("empty body", "/api/articles/bad-23", "", 400));
        cases.add(new Case("byte order mark", request("/api/articles/bad-24", JSON, WRITER_KEY)
                .PUT(bytes(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ARTICLE.formatted("")))), 400));
        cases.add(new Case("invalid UTF-8", request("/api/articles/bad-25", JSON, WRITER_KEY)
                .PUT(bytes(invalidUtf8())), 400));
        cases.add(new Case("UTF-16", request("/api/articles/bad-26", JSON, WRITER_KEY)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(ARTICLE.formatted("").getBytes(StandardCharsets.UTF_16LE))),
                400));
        cases.add(new Case("text/plain", request("/api/articles/bad-27", "text/plain", WRITER_KEY)
                .PUT(HttpRequest.BodyPublishers.ofString(ARTICLE.formatted(""))), 415));
        cases.add(new Case("no content type", request("/api/articles/bad-28", null, WRITER_KEY)
                .PUT(HttpRequest.BodyPublishers.ofString(ARTICLE.formatted(""))), 415));
        cases.add(new Case("a Latin-1 charset", request("/api/articles/bad-29", "application/json; charset=ISO-8859-1",
                WRITER_KEY).PUT(HttpRequest.BodyPublishers.ofString(ARTICLE.formatted(""))), 415));
        cases.add(put("a number where the title is text", "/api/articles/bad-41", """
                {"title":12345,"body":"B","publishedAt":"2026-01-01T00:00:00Z"}""", 400));
        cases.add(put("a boolean where the body is text", "/api/articles/bad-42", """
                {"title":"T","body":true,"publishedAt":"2026-01-01T00:00:00Z"}""", 400));
        cases.add(put("an array where the title is text", "/api/articles/bad-43", """
                {"title":["T"],"body":"B","publishedAt":"2026-01-01T00:00:00Z"}""", 400));
        cases.add(put("a number where publishedAt is an instant", "/api/articles/bad-44", """
                {"title":"T","body":"B","publishedAt":1767225600}""", 400));
        cases.add(put("text where the version is a number", "/api/articles/bad-45", """
                {"title":"T","body":"B","publishedAt":"2026-01-01T00:00:00Z","version":"42"}""", 400));
        cases.add(put("100,000 copies of one tag", "/api/articles/bad-46", """
                {"title":"T","body":"B","publishedAt":"2026-01-01T00:00:00Z","tags":[%s]}""".formatted(
                String.join(",", java.util.Collections.nCopies(100_000, "\"x\""))), 400));
        cases.add(put("a number where a country's name is text", "/api/countries/FR", """
                {"name":7,"officialName":"French Republic","names":{"zh":"法国"},"region":"Europe",
                 "status":"current"}""", 400));
        cases.add(put("101 aliases of a country", "/api/countries/FR", """
                {"name":"France","officialName":"French Republic","names":{"zh":"法国"},"region":"Europe",
                 "status":"current","aliases":[%s]}""".formatted(
                String.join(",", java.util.Collections.nCopies(101, "\"Gaul\""))), 400));
        cases.add(put("body over the 1000 KB a record may hold", "/api/articles/bad-30", """
                {"title":"T","body":"%s","publishedAt":"2026-01-01T00:00:00Z"}""".formatted("b".repeat(1_024_000)),
                413));
        cases.add(put("If-Match contradicting the body's version", "/api/articles/bad-31",
                ARTICLE.formatted(",\"version\":5"), 400));
        cases.get(cases.size() - 1).request().header("If-Match", "\"6\"");
        cases.add(put("If-Match *", "/api/articles/bad-32", ARTICLE.formatted(""), 400));
        cases.get(cases.size() - 1).request().header("If-Match", "*");
        cases.add(put("wait for something unknown", "/api/articles/bad-33?wait=forever", ARTICLE.formatted(""), 400));
        cases.add(put("a wait over the maximum", "/api/articles/bad-34?wait=searchable&timeout=1h",
                ARTICLE.formatted(""), 400));
        cases.add(new Case("delete with a negative version", request("/api/articles/bad-35?version=-1", null,
                WRITER_KEY).DELETE(), 400));
        cases.add(new Case("delete of an unknown country code", request("/api/countries/ZZ", null, WRITER_KEY)
                .DELETE(), 400));
        cases.add(new Case("no API key", request("/api/articles/bad-37", JSON, null)
                .PUT(HttpRequest.BodyPublishers.ofString(ARTICLE.formatted(""))), 401));
        cases.add(new Case("a wrong API key", request("/api/articles/bad-38", JSON, "not-a-key")
                .PUT(HttpRequest.BodyPublishers.ofString(ARTICLE.formatted(""))), 401));
        cases.add(new Case("Basic instead of Bearer", request("/api/articles/bad-39", JSON, null)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("writer:" + WRITER_KEY).getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString(ARTICLE.formatted(""))), 401));
        cases.add(new Case("a key without the write scope", request("/api/articles/bad-40", JSON, ADMIN_KEY)
                .PUT(HttpRequest.BodyPublishers.ofString(ARTICLE.formatted(""))), 403));
        cases.add(new Case("bulk as application/json", request("/api/bulk", JSON, WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(deleteLines(1))), 415));
        cases.add(new Case("empty bulk", request("/api/bulk", NDJSON, WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("\n\n")), 400));
        cases.add(new Case("bulk of 10,001 lines", request("/api/bulk", NDJSON, WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(deleteLines(10_001))), 413));
        cases.add(new Case("bulk over 10 MB", request("/api/bulk", NDJSON, WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(bigBulk())), 413));
        cases.add(new Case("bulk with a byte order mark", request("/api/bulk", NDJSON, WRITER_KEY)
                .POST(bytes(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, deleteLines(2)))), 400));
        cases.add(new Case("an unknown path under /api", request("/api/nothing-here", null, WRITER_KEY).GET(), 404));
        cases.add(new Case("GET on a write path", request("/api/bulk", null, WRITER_KEY).GET(), 405));
        return cases;
    }

    private Case put(String name, String path, String json, int status) {
        return new Case(name, request(path, JSON, WRITER_KEY).PUT(HttpRequest.BodyPublishers.ofString(json)), status);
    }

    /** Valid deletes: were the line limit not enforced, they would be published. */
    private static String deleteLines(int count) {
        return "{\"type\":\"article\",\"op\":\"delete\",\"record\":{\"id\":\"never-published\"}}\n".repeat(count);
    }

    /** 210 valid upserts of about 51 KB each: over 10 MB together. */
    private static String bigBulk() {
        String line = "{\"type\":\"article\",\"op\":\"upsert\",\"record\":{\"id\":\"never-published\",\"title\":\"T\","
                + "\"body\":\"" + "b".repeat(51 * 1024) + "\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}}\n";
        return line.repeat(210);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static byte[] invalidUtf8() {
        byte[] json = ARTICLE.formatted(",\"author\":\"XX\"").getBytes(StandardCharsets.UTF_8);
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf("XX");
        json[at] = (byte) 0xC3;
        json[at + 1] = (byte) 0x28;
        return json;
    }

    private static byte[] concat(byte[] prefix, String text) {
        byte[] rest = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(rest, 0, all, prefix.length, rest.length);
        return all;
    }

    private static HttpRequest.BodyPublisher bytes(byte[] body) {
        return HttpRequest.BodyPublishers.ofByteArray(body);
    }
}
