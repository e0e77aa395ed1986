package dev.contentpipeline.benchmarks;

import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The corpus through the front door: {@code POST /api/bulk} with NDJSON lines where the ingest-service has it,
 * else one {@code PUT /api/articles/{id}} per article from many threads. Each request waits for the broker's
 * acknowledgement, as a publisher's would.
 */
final class IngestLoad {

    private static final byte[] LINE_START = "{\"type\":\"article\",\"op\":\"upsert\",\"record\":"
            .getBytes(StandardCharsets.UTF_8);
    /** Concurrent PUTs when there is no bulk endpoint: enough to keep two cores busy through the waits. */
    static final ChunkedLoad.Settings SINGLE_PUTS = new ChunkedLoad.Settings(1, 1, 16);

    private final String ingestUrl;
    private final String apiKey;
    private final boolean bulk;

    IngestLoad(String ingestUrl, String apiKey) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
        this.bulk = probeBulk();
    }

    boolean usesBulk() {
        return bulk;
    }

    /** The request's settings: the raw loader's own, within ingest's limits; single PUTs without bulk. */
    ChunkedLoad.Settings settings(ChunkedLoad.Settings raw) {
        return bulk ? new ChunkedLoad.Settings(Math.min(raw.chunkBytes(), 8 << 20), 10_000, raw.concurrency())
                : SINGLE_PUTS;
    }

    ChunkedLoad.Outcome load(byte[][] corpus, ChunkedLoad.Settings settings) {
        if (bulk) {
            return ChunkedLoad.run(0, corpus.length, i -> bulkLine(corpus[i]), settings, this::sendBulk);
        }
        return ChunkedLoad.run(0, corpus.length, i -> corpus[i], settings, (body, lines) -> put(body));
    }

    /** Publishes one article and returns when ingest acknowledged it. */
    HttpRequest putRequest(byte[] json) {
        String id = new String(RawBulkLoad.idOf(json), StandardCharsets.US_ASCII);
        return HttpRequest.newBuilder(URI.create(ingestUrl + "/api/articles/" + id)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }

    private static byte[] bulkLine(byte[] json) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(json.length + LINE_START.length + 2);
        line.writeBytes(LINE_START);
        line.writeBytes(json);
        line.write('}');
        line.write('\n');
        return line.toByteArray();
    }

    private List<Integer> sendBulk(byte[] body, int lines) {
        Http.Answer answer = Http.send(Http.request(ingestUrl + "/api/bulk", "application/x-ndjson", body, apiKey));
        if (answer.status() == 429) {
            return IntStream.range(0, lines).boxed().toList();
        }
        if (answer.status() != 200 && answer.status() != 503) {
            answer.orThrow("POST /api/bulk");
        }
        JsonNode report = answer.json();
        if (report.path("rejected").asInt() > 0) {
            throw new IllegalStateException("ingest refused part of the corpus: " + Http.abbreviated(answer.text()));
        }
        List<Integer> again = new ArrayList<>();
        for (JsonNode item : report.path("items")) {
            if (item.path("status").asInt() != 202) {
                again.add(item.path("line").asInt() - 1);
            }
        }
        return again;
    }

    private List<Integer> put(byte[] json) {
        Http.Answer answer = Http.send(putRequest(json));
        if (answer.status() == 429 || answer.status() == 503) {
            return List.of(0);
        }
        answer.orThrow("PUT an article");
        return List.of();
    }

    /** An empty bulk body: 400 where the endpoint exists, 404 or 405 where it does not. */
    private boolean probeBulk() {
        Http.Answer answer = Http.send(Http.request(ingestUrl + "/api/bulk", "application/x-ndjson",
                "\n".getBytes(StandardCharsets.UTF_8), apiKey));
        if (answer.status() == 401 || answer.status() == 403) {
            throw new IllegalStateException("ingest-service refused the benchmark's API key (" + answer.status()
                    + "): has the way keys are configured changed? " + Http.abbreviated(answer.text()));
        }
        return answer.status() != 404 && answer.status() != 405;
    }
}
