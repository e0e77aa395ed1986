package dev.contentpipeline.benchmarks;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The baseline: the corpus written straight to Elasticsearch with bulk requests, into an index with the articles
 * index's settings and mappings, each document as the indexer writes it (the record's JSON plus type, version and
 * deleted, with the same external version), at the bulk size and concurrency a short sweep found best.
 */
final class RawBulkLoad {

    /**
     * The settings the sweep tries: Elasticsearch's tuning guide starts at a few MB per request and raises the
     * concurrency until throughput stops growing; two cores rarely want more than four requests at once.
     */
    static final List<ChunkedLoad.Settings> SWEEP = List.of(
            new ChunkedLoad.Settings(1 << 20, 10_000, 2),
            new ChunkedLoad.Settings(2 << 20, 10_000, 2),
            new ChunkedLoad.Settings(2 << 20, 10_000, 4),
            new ChunkedLoad.Settings(4 << 20, 10_000, 2));

    static final long VERSION = 1;

    private static final byte[] INDEXED_FIELDS =
            (",\"type\":\"article\",\"version\":" + VERSION + ",\"deleted\":false}").getBytes(StandardCharsets.UTF_8);

    private final Elasticsearch elasticsearch;
    private final byte[][] corpus;

    RawBulkLoad(Elasticsearch elasticsearch, byte[][] corpus) {
        this.elasticsearch = elasticsearch;
        this.corpus = corpus;
    }

    record SweepPoint(ChunkedLoad.Settings settings, double docsPerSecond) {
    }

    record Result(ChunkedLoad.Settings settings, List<SweepPoint> sweep, Throughput throughput) {
    }

    /** Tries each setting on the same slice of the corpus, each into a fresh index, after one warm-up load. */
    List<SweepPoint> sweep(int sweepDocs, Log log) {
        int sample = Math.min(sweepDocs, corpus.length);
        log.line("warming Elasticsearch's indexing up with %,d documents", sample / 2);
        timedLoad("bench-sweep", sample / 2, SWEEP.get(1), false);
        List<SweepPoint> sweep = new ArrayList<>();
        for (ChunkedLoad.Settings settings : SWEEP) {
            Throughput throughput = timedLoad("bench-sweep", sample, settings, false);
            sweep.add(new SweepPoint(settings, throughput.acknowledgedPerSecond()));
            log.line("sweep %-12s %,8.0f docs/s acknowledged", settings.label(), throughput.acknowledgedPerSecond());
        }
        elasticsearch.deleteIndex("bench-sweep");
        return sweep;
    }

    static ChunkedLoad.Settings best(List<SweepPoint> sweep) {
        return sweep.stream().max(Comparator.comparingDouble(SweepPoint::docsPerSecond)).orElseThrow().settings();
    }

    /** The whole corpus into a fresh index, timed until a count sees every document. */
    Throughput load(String index, ChunkedLoad.Settings settings) {
        return timedLoad(index, corpus.length, settings, true);
    }

    private Throughput timedLoad(String index, int docs, ChunkedLoad.Settings settings, boolean awaitSearchable) {
        elasticsearch.createArticlesIndex(index);
        byte[] action = ("{\"index\":{\"_index\":\"" + index + "\",\"version\":" + VERSION
                + ",\"version_type\":\"external\",\"_id\":\"").getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        ChunkedLoad.Outcome outcome = ChunkedLoad.run(0, docs, i -> line(action, i), settings, this::send);
        long acknowledged = System.nanoTime();
        long searchable = awaitSearchable
                ? elasticsearch.awaitCount(index, docs, Elasticsearch.LOAD_TIMEOUT) : acknowledged;
        return new Throughput(docs, started, acknowledged, searchable, outcome.requests(), outcome.resent());
    }

    /** {@code {"index":{...,"_id":"<id>"}}\n<the record's JSON with the indexed fields>\n}. */
    private byte[] line(byte[] action, int i) {
        byte[] json = corpus[i];
        byte[] id = idOf(json);
        byte[] line = new byte[action.length + id.length + 4 + json.length - 1 + INDEXED_FIELDS.length + 1];
        int at = 0;
        System.arraycopy(action, 0, line, at, action.length);
        at += action.length;
        System.arraycopy(id, 0, line, at, id.length);
        at += id.length;
        line[at++] = '"';
        line[at++] = '}';
        line[at++] = '}';
        line[at++] = '\n';
        System.arraycopy(json, 0, line, at, json.length - 1);
        at += json.length - 1;
        System.arraycopy(INDEXED_FIELDS, 0, line, at, INDEXED_FIELDS.length);
        at += INDEXED_FIELDS.length;
        line[at] = '\n';
        return line;
    }

    /** The id is the record's first field: {@code {"id":"<id>",...}}. */
    static byte[] idOf(byte[] json) {
        int start = "{\"id\":\"".length();
        int end = start;
        while (json[end] != '"') {
            end++;
        }
        byte[] id = new byte[end - start];
        System.arraycopy(json, start, id, 0, id.length);
        return id;
    }

    private List<Integer> send(byte[] body, int lines) {
        Http.Answer answer = Http.send(Http.request(elasticsearch.url()
                + "/_bulk?filter_path=errors,items.*.status,items.*.error.type,items.*.error.reason",
                "application/x-ndjson", body));
        if (answer.status() == 429) {
            List<Integer> all = new ArrayList<>(lines);
            for (int i = 0; i < lines; i++) {
                all.add(i);
            }
            return all;
        }
        JsonNode response = answer.orThrow("Bulk request").json();
        List<Integer> again = new ArrayList<>();
        if (response.path("errors").asBoolean()) {
            JsonNode items = response.path("items");
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i).path("index");
                int status = item.path("status").asInt();
                if (status == 429) {
                    again.add(i);
                } else if (status >= 300 && status != 409) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "Elasticsearch refused a document: %d %s",
                            status, item.path("error")));
                }
            }
        }
        return again;
    }
}
