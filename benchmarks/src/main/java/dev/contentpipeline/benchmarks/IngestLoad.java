package dev.contentpipeline.benchmarks;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /** A bulk request of several MB waits for the broker's acknowledgement of every line; a PUT, of one. */
    private final IngestClient bulkIngest;
    private final IngestClient putIngest;
    private final boolean bulk;

    IngestLoad(String ingestUrl, String apiKey) {
        this.bulkIngest = new IngestClient(ingestUrl, apiKey, Duration.ofSeconds(120));
        this.putIngest = new IngestClient(ingestUrl, apiKey, Duration.ofSeconds(30));
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

    /** Publishes one article; completes with ingest's answer (status 0 when none came), never exceptionally. */
    CompletableFuture<Answer> putAsync(byte[] json) {
        return putIngest.putAsync(IngestClient.Kind.ARTICLES, idOf(json), new String(json, StandardCharsets.UTF_8));
    }

    private static String idOf(byte[] json) {
        return new String(RawBulkLoad.idOf(json), StandardCharsets.US_ASCII);
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
        Answer answer = bulkIngest.bulk(body);
        if (answer.is(429)) {
            return IntStream.range(0, lines).boxed().toList();
        }
        if (!answer.is(200) && !answer.is(503)) {
            throw refused("POST /api/bulk", answer);
        }
        JsonNode report = answer.json();
        if (report.path("rejected").asInt() > 0) {
            throw new IllegalStateException("ingest refused part of the corpus: " + Http.abbreviated(answer.body()));
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
        Answer answer = putIngest.put(IngestClient.Kind.ARTICLES, idOf(json), new String(json, StandardCharsets.UTF_8));
        if (answer.is(429) || answer.is(503)) {
            return List.of(0);
        }
        if (!answer.is(202)) {
            throw refused("PUT an article", answer);
        }
        return List.of();
    }

    /** An empty bulk body: 400 where the endpoint exists, 404 or 405 where it does not. */
    private boolean probeBulk() {
        Answer answer = bulkIngest.bulk("\n");
        if (answer.is(401) || answer.is(403)) {
            throw new IllegalStateException("ingest-service refused the benchmark's API key (" + answer.status()
                    + "): has the way keys are configured changed? " + Http.abbreviated(answer.body()));
        }
        if (answer.is(0)) {
            throw refused("POST /api/bulk", answer);
        }
        return !answer.is(404) && !answer.is(405);
    }

    private static IllegalStateException refused(String what, Answer answer) {
        return new IllegalStateException(what + " answered " + answer.status() + ": "
                + Http.abbreviated(answer.body()));
    }
}
