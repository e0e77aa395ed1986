package dev.contentpipeline.ingest.writes;

import dev.contentpipeline.ingest.IngestIntegrationTestSupport;
import dev.contentpipeline.localstack.TopicReader;
import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.ContentJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContentControllerIntegrationTests extends IngestIntegrationTestSupport {

    @Test
    void acceptedArticleIsOnTheTopicKeyedByIdWithItsVersion() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/articles/winter-in-hegang", """
                {"title":"Winter in Hegang","body":"Hot pot at thirty below.","countries":["cn"],
                 "publishedAt":"2026-02-01T08:00:00Z"}""");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = json(response);
        assertThat(receipt.get("type").asString()).isEqualTo("article");
        assertThat(receipt.get("id").asString()).isEqualTo("winter-in-hegang");
        assertThat(receipt.get("topic").asString()).isEqualTo(ARTICLES);
        assertThat(receipt.has("searchable")).isFalse();
        long version = receipt.get("version").asLong();
        assertThat(version).isPositive();
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
        // written by the controller itself (README, round 40): JSON, its length known, whatever the client accepts
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length));

        ConsumerRecord<String, byte[]> record = find(ARTICLES, "winter-in-hegang", receipt.get("offset").asLong());
        JsonNode published = JsonMapper.shared().readTree(record.value());
        assertThat(published.get("countries").get(0).asString()).isEqualTo("CN");
        assertThat(published.get("language").asString()).isEqualTo("en");
        assertThat(published.get("version").asLong()).isEqualTo(version);
        assertThat(new String(record.headers().lastHeader(ContentHeaders.VERSION).value(), StandardCharsets.UTF_8))
                .isEqualTo(Long.toString(version));
    }

    @Test
    void laterWritesOfAnIdCarryHigherVersions() throws Exception {
        String body = """
                {"title":"T","body":"B","publishedAt":"2026-02-01T08:00:00Z"}""";
        long first = version(send("PUT", "/api/articles/versioned", body));
        long second = version(send("PUT", "/api/articles/versioned", body));
        long deleted = version(send("DELETE", "/api/articles/versioned", null));
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(deleted);
    }

    @Test
    void aVersionMayComeInTheBodyOrInIfMatchAndAssignedVersionsStayAboveIt() throws Exception {
        long farAhead = 9_000_000_000_000_000L;
        assertThat(version(send("PUT", "/api/articles/given-version", """
                {"title":"T","body":"B","publishedAt":"2026-02-01T08:00:00Z","version":%d}""".formatted(farAhead))))
                .isEqualTo(farAhead);
        assertThat(version(send("PUT", "/api/articles/given-version", """
                {"title":"T","body":"B","publishedAt":"2026-02-01T08:00:00Z"}"""))).isEqualTo(farAhead + 1);

        long end = TopicReader.endOffset(ARTICLES);
        HttpResponse<String> stale = send("PUT", "/api/articles/given-version", """
                {"title":"T","body":"B","publishedAt":"2026-02-01T08:00:00Z","version":5}""");
        assertThat(stale.statusCode()).as("older than a version already accepted").isEqualTo(409);
        assertThat(json(stale).get("acceptedVersion").asLong()).isEqualTo(farAhead + 1);
        assertThat(json(stale).get("detail").asString()).contains("nothing was published");
        HttpResponse<String> staleLine = send(request("/api/bulk", "application/x-ndjson", WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type":"article","op":"delete","record":{"id":"given-version","version":6}}""")));
        assertThat(json(staleLine).at("/items/0/status").asInt()).isEqualTo(409);
        assertThat(json(staleLine).get("rejected").asInt()).isEqualTo(1);
        assertThat(TopicReader.endOffset(ARTICLES)).as("nothing published").isEqualTo(end);
        assertThat(version(send("PUT", "/api/articles/given-version", """
                {"title":"T","body":"B","publishedAt":"2026-02-01T08:00:00Z","version":%d}""".formatted(farAhead + 1))))
                .as("the same version again: a safe retry").isEqualTo(farAhead + 1);

        HttpResponse<String> viaIfMatch = send(request("/api/countries/AX", "application/json", WRITER_KEY)
                .header("If-Match", "\"77\"").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Åland","officialName":"Åland Islands","names":{"zh":"奥兰"},"region":"Europe",
                         "status":"territory"}""")));
        assertThat(version(viaIfMatch)).isEqualTo(77);
        ConsumerRecord<String, byte[]> record = find(COUNTRIES, "AX", json(viaIfMatch).get("offset").asLong());
        assertThat(JsonMapper.shared().readTree(record.value()).get("version").asLong()).isEqualTo(77);

        HttpResponse<String> deleteViaIfMatch = send(request("/api/countries/AX", null, WRITER_KEY)
                .header("If-Match", "78").DELETE());
        assertThat(version(deleteViaIfMatch)).isEqualTo(78);
    }

    @Test
    void anArticleSentAsWritingItWouldGiveIsPublishedAsSentWithItsVersionAdded() throws Exception {
        Article article = new Article("sent-as-written", "Ice lanterns on the Songhua", "Carved blocks, lit at dusk.",
                "Cutters saw the river ice in December.\n\nBy January the park glows.", "en", List.of("CN"),
                List.of("winter"), "Sample Desk", Instant.parse("2026-01-05T17:00:00.250Z"),
                Instant.parse("2026-01-06T09:30:00Z"), null);
        // What writing it gives, its fields in another order, with spaces and line breaks around them.
        String sent = """
                  {"title":"Ice lanterns on the Songhua", "id":"sent-as-written",
                   "summary":"Carved blocks, lit at dusk.",
                   "body":"Cutters saw the river ice in December.\\n\\nBy January the park glows.","language":"en",
                   "countries":["CN"],"tags":["winter"],"author":"Sample Desk","publishedAt":"2026-01-05T17:00:00.250Z",
                   "updatedAt":"2026-01-06T09:30:00Z"}
                """;
        HttpResponse<String> response = send("PUT", "/api/articles/sent-as-written", sent);

        long version = version(response);
        ConsumerRecord<String, byte[]> record = find(ARTICLES, "sent-as-written",
                json(response).get("offset").asLong());
        String trimmed = sent.strip();
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo(trimmed.substring(0, trimmed.length() - 1) + ",\"version\":" + version + "}");
        assertThat(ContentJson.readArticle(record.value(), true)).isEqualTo(article.withVersion(version));

        HttpResponse<String> viaIfMatch = send(request("/api/articles/sent-as-written", "application/json", WRITER_KEY)
                .header("If-Match", "\"" + (version + 5) + "\"").PUT(HttpRequest.BodyPublishers.ofString(sent)));
        assertThat(version(viaIfMatch)).isEqualTo(version + 5);
        assertThat(find(ARTICLES, "sent-as-written", json(viaIfMatch).get("offset").asLong()).value())
                .isEqualTo(ContentJson.writeAtVersion(article, version + 5));

        // On one line, as JSON writers write it, the body is checked on its bytes (as a bulk line's): the same answers.
        String oneLine = sent.replace("\n", "").strip();
        HttpResponse<String> asOneLine = send("PUT", "/api/articles/sent-as-written", oneLine);
        long oneLineVersion = version(asOneLine);
        assertThat(new String(find(ARTICLES, "sent-as-written", json(asOneLine).get("offset").asLong()).value(),
                StandardCharsets.UTF_8)).isEqualTo(oneLine.substring(0, oneLine.length() - 1) + ",\"version\":"
                        + oneLineVersion + "}");
        HttpResponse<String> oneLineViaIfMatch = send(request("/api/articles/sent-as-written", "application/json",
                WRITER_KEY).header("If-Match", "\"" + (oneLineVersion + 5) + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(oneLine)));
        assertThat(find(ARTICLES, "sent-as-written", json(oneLineViaIfMatch).get("offset").asLong()).value())
                .isEqualTo(ContentJson.writeAtVersion(article, oneLineVersion + 5));

        long end = TopicReader.endOffset(ARTICLES);
        HttpResponse<String> otherId = send("PUT", "/api/articles/another-id", sent);
        assertThat(otherId.statusCode()).isEqualTo(400);
        assertThat(json(otherId).get("errors").findValuesAsString("field")).containsExactly("id");
        assertThat(json(send("PUT", "/api/articles/another-id", oneLine)).get("errors").findValuesAsString("field"))
                .containsExactly("id");
        assertThat(TopicReader.endOffset(ARTICLES)).as("nothing published").isEqualTo(end);
    }

    @Test
    void textIsNormalisedToNfcWithStrayWhitespaceAndControlsCleaned() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/articles/cleaned-text", """
                {"title":"\\u00a0Cafe\\u0301\\u0007  du\\u00a0port ","summary":"Line one\\r\\nline two",
                 "body":"Para one.\\u00a0\\n\\n\\n\\nPara two.\\u0000","tags":["\\ufefftag"],
                 "publishedAt":"2026-02-01T08:00:00Z"}""");

        JsonNode published = JsonMapper.shared().readTree(
                find(ARTICLES, "cleaned-text", json(response).get("offset").asLong()).value());
        assertThat(published.get("title").asString()).isEqualTo("Café du port");
        assertThat(published.get("summary").asString()).isEqualTo("Line one\nline two");
        assertThat(published.get("body").asString()).isEqualTo("Para one.\n\nPara two.");
        assertThat(published.get("tags").get(0).asString()).isEqualTo("tag");
    }

    @Test
    void countryIsPublishedUnderItsUpperCaseCode() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/countries/by", """
                {"name":"Belarus","officialName":"Republic of Belarus","aliases":["White Russia"],
                 "names":{"zh":"白俄罗斯"},"region":"Europe","subregion":"Eastern Europe","status":"current"}""");

        assertThat(response.statusCode()).isEqualTo(202);
        ConsumerRecord<String, byte[]> record = find(COUNTRIES, "BY", json(response).get("offset").asLong());
        assertThat(JsonMapper.shared().readTree(record.value()).get("code").asString()).isEqualTo("BY");
    }

    @Test
    void deleteIsATombstoneWithItsVersionInAHeader() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/countries/CS?version=42", null);

        assertThat(response.statusCode()).isEqualTo(202);
        ConsumerRecord<String, byte[]> record = find(COUNTRIES, "CS", json(response).get("offset").asLong());
        assertThat(record.value()).isNull();
        assertThat(new String(record.headers().lastHeader(ContentHeaders.VERSION).value(), StandardCharsets.UTF_8))
                .isEqualTo("42");
    }

    @Test
    void invalidRecordGetsAProblemListingEveryFieldAndNothingIsPublished() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/articles/refused-article", """
                {"id":"refused-article","title":"","body":"x","language":"??","countries":["XX"]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactly("title", "language", "countries[0]", "publishedAt");
        assertThat(TopicReader.readAll(ARTICLES)).noneMatch(r -> "refused-article".equals(r.key()));
    }

    private static ConsumerRecord<String, byte[]> find(String topic, String key, long offset) {
        return TopicReader.readAll(topic).stream()
                .filter(r -> key.equals(r.key()) && r.offset() == offset)
                .findFirst().orElseThrow();
    }

    private static long version(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("version").asLong();
    }
}
