package dev.contentpipeline.ingest.bulk;

import dev.contentpipeline.ingest.IngestIntegrationTestSupport;
import dev.contentpipeline.localstack.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BulkIntegrationTests extends IngestIntegrationTestSupport {

    @Autowired
    private BulkAdmission admission;

    @Test
    void validLinesArePublishedAndEachLineGetsItsOwnAnswer() throws Exception {
        String body = String.join("\n",
                """
                {"type":"article","op":"upsert","record":{"id":"bulk-one","title":"One","body":"B","publishedAt":"2026-01-01T00:00:00Z"}}""",
                """
                {"type":"article","op":"upsert","record":{"id":"bulk-refused","body":"no title","publishedAt":"2026-01-01T00:00:00Z"}}""",
                "",
                """
                {"type":"country","op":"upsert","record":{"code":"SZ","name":"Eswatini","officialName":"Kingdom of Eswatini","names":{"zh":"斯威士兰"},"region":"Africa","status":"current"}}""",
                """
                {"type":"country","op":"delete","record":{"code":"an","version":43}}""",
                """
                {"type":"article","op":"replace","record":{"id":"bulk-bad-op"}}""",
                "{not json",
                """
                {"type":"article","op":"delete","record":{"id":"bulk-one"},"extra":true}""",
                """
                {"type":"article","op":"upsert","record":{"id":"bulk-too-large","title":"T","body":"%s","publishedAt":"2026-01-01T00:00:00Z"}}"""
                        .formatted("b".repeat(1_024_000)),
                "");

        HttpResponse<String> response = bulk(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("lines").asInt()).isEqualTo(8);
        assertThat(report.get("accepted").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        assertThat(report.get("errors").asBoolean()).isTrue();
        Map<Integer, JsonNode> items = report.get("items").valueStream()
                .collect(Collectors.toMap(item -> item.get("line").asInt(), Function.identity()));
        assertThat(items.keySet()).containsExactlyInAnyOrder(1, 2, 4, 5, 6, 7, 8, 9);
        assertThat(items.get(1).get("status").asInt()).isEqualTo(202);
        assertThat(items.get(1).get("topic").asString()).isEqualTo(ARTICLES);
        assertThat(items.get(2).get("status").asInt()).isEqualTo(400);
        assertThat(items.get(2).get("errors").findValuesAsString("field")).containsExactly("record.title");
        assertThat(items.get(4).get("id").asString()).isEqualTo("SZ");
        assertThat(items.get(5).get("id").asString()).isEqualTo("AN");
        assertThat(items.get(5).get("version").asLong()).isEqualTo(43);
        assertThat(items.get(6).get("errors").findValuesAsString("field")).containsExactly("op");
        assertThat(items.get(7).get("errors").findValuesAsString("field")).containsExactly("$");
        assertThat(items.get(8).get("errors").findValuesAsString("field")).containsExactly("extra");
        assertThat(items.get(9).get("errors").findValuesAsString("message").get(0)).contains("at most 1024000");

        assertThat(TopicReader.readAll(ARTICLES)).extracting(ConsumerRecord::key)
                .contains("bulk-one").doesNotContain("bulk-refused", "bulk-bad-op", "bulk-too-large");
        ConsumerRecord<String, byte[]> tombstone = TopicReader.readAll(COUNTRIES).stream()
                .filter(r -> r.key().equals("AN") && r.offset() == items.get(5).get("offset").asLong())
                .findFirst().orElseThrow();
        assertThat(tombstone.value()).isNull();
    }

    @Test
    void linesOfOneIdKeepTheirOrderAndRisingVersions() throws Exception {
        String body = IntStream.rangeClosed(1, 5).mapToObj(i -> """
                {"type":"article","op":"upsert","record":{"id":"bulk-ordered","title":"Take %d","body":"B","publishedAt":"2026-01-01T00:00:00Z"}}"""
                .formatted(i)).collect(Collectors.joining("\n"));

        JsonNode report = json(bulk(body));

        List<Long> versions = report.get("items").valueStream().map(i -> i.get("version").asLong()).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates();
        ConsumerRecord<String, byte[]> last = TopicReader.readAll(ARTICLES).stream()
                .filter(r -> r.key().equals("bulk-ordered"))
                .max(Comparator.comparingLong(ConsumerRecord::offset)).orElseThrow();
        assertThat(JsonMapper.shared().readTree(last.value()).get("title").asString()).isEqualTo("Take 5");
    }

    @Test
    void tenThousandLinesArePublishedInOneRequest() throws Exception {
        String body = IntStream.range(0, 10_000).mapToObj(i -> """
                {"type":"article","op":"upsert","record":{"id":"bulk-many-%d","title":"Many %d","body":"Body of line %d","publishedAt":"2026-01-01T00:00:00Z"}}"""
                .formatted(i, i, i)).collect(Collectors.joining("\n"));
        long before = TopicReader.endOffset(ARTICLES);

        long start = System.nanoTime();
        HttpResponse<String> response = bulk(body);
        System.out.printf("10,000 lines: %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(10_000);
        assertThat(TopicReader.endOffset(ARTICLES) - before).isEqualTo(10_000);
    }

    @Test
    void aBulkThatFindsNoRoomIsRefusedWholeAndGoesThroughWhenSentAgain() throws Exception {
        String body = """
                {"type":"article","op":"upsert","record":{"id":"bulk-no-room","title":"Waited","body":"B","publishedAt":"2026-01-01T00:00:00Z"}}""";
        long before = TopicReader.endOffset(ARTICLES);
        long budget = admission.available();
        // Other clients' bulks, of the largest size, holding all the room there is.
        List<BulkAdmission.Room> held = new ArrayList<>();
        HttpResponse<String> refused;
        try {
            for (long size : new long[] {-1, 1}) {
                for (BulkAdmission.Room room; (room = admission.claim(size, Duration.ZERO)) != null; ) {
                    held.add(room);
                }
            }
            assertThat(held).isNotEmpty();
            refused = bulk(body);
        } finally {
            held.forEach(BulkAdmission.Room::close);
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(refused).get("type").asString()).isEqualTo("urn:content-pipeline:problem:busy");
        assertThat(json(refused).get("detail").asString()).contains("ingest.limits.bulk-bytes-in-flight")
                .contains("Nothing was published");
        assertThat(TopicReader.endOffset(ARTICLES)).isEqualTo(before);
        assertThat(admission.available()).isEqualTo(budget);

        HttpResponse<String> sentAgain = bulk(body);
        assertThat(sentAgain.statusCode()).as(sentAgain.body()).isEqualTo(200);
        assertThat(TopicReader.readAll(ARTICLES)).extracting(ConsumerRecord::key)
                .containsOnlyOnce("bulk-no-room");
        assertThat(admission.available()).isEqualTo(budget);
    }

    private HttpResponse<String> bulk(String ndjson) throws Exception {
        return send(request("/api/bulk", "application/x-ndjson", WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }
}
