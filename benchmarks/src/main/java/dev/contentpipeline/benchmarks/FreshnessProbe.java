package dev.contentpipeline.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Freshness: PUTs at a constant rate (sent on schedule, whatever the answers, so a slow answer cannot slow the
 * sender), and one poller that asks Elasticsearch every {@value #POLL_MILLIS} ms which of the acknowledged ids a
 * search finds. Each latency runs from the acknowledgement to the middle of the first poll that found the id, so
 * it is known to within about the poll interval.
 *
 * <p>A poll asks for the {@value #POLL_IDS} ids acknowledged longest ago, not for every pending one: a search of
 * thousands of ids every 50 ms took CPU from the very indexing it was timing, the more so the further it fell behind.
 * An id that became searchable while younger than that is found a poll or more later, so the cap can only make a
 * latency longer, never shorter.
 */
final class FreshnessProbe {

    static final int POLL_MILLIS = 50;
    static final int POLL_IDS = 500;
    static final int MAX_IN_FLIGHT = 2_000;
    static final Duration STRAGGLERS = Duration.ofSeconds(30);

    /** One rate: what was sent, acknowledged and found, the ack-to-searchable latencies and the PUTs' own. */
    record Step(int rate, int sent, int acknowledged, int found, Latencies searchable, Latencies put) {

        /** Acknowledged, but not found by a search within {@link #STRAGGLERS} after the last PUT: late, or lost. */
        int unseen() {
            return acknowledged - found;
        }
    }

    private final IngestLoad ingest;
    private final Elasticsearch elasticsearch;
    private final String alias;

    FreshnessProbe(IngestLoad ingest, Elasticsearch elasticsearch, String alias) {
        this.ingest = ingest;
        this.elasticsearch = elasticsearch;
        this.alias = alias;
    }

    Step run(int rate, Duration time, byte[][] articles) {
        int total = (int) Math.min(articles.length, rate * time.toSeconds());
        // in the order acknowledged, so that a poll takes the oldest
        Map<String, Long> pending = Collections.synchronizedMap(new LinkedHashMap<>());
        Latencies searchable = new Latencies();
        Latencies put = new Latencies();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        Thread poller = new Thread(() -> poll(pending, searchable), "freshness-poller");
        poller.setDaemon(true);
        poller.start();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int k = 0; k < total; k++) {
            long intended = start + k * period;
            LockSupport.parkNanos(intended - System.nanoTime());
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                put.fail();
                continue;
            }
            String id = new String(RawBulkLoad.idOf(articles[k]), StandardCharsets.US_ASCII);
            inFlight.incrementAndGet();
            ingest.putAsync(articles[k]).whenComplete((answer, e) -> {
                long now = System.nanoTime();
                inFlight.decrementAndGet();
                if (e == null && answer.is(202)) {
                    pending.put(id, now);
                    acknowledged.incrementAndGet();
                    put.add(now - intended);
                } else {
                    put.fail();
                }
            });
        }
        long deadline = System.nanoTime() + STRAGGLERS.toNanos();
        while ((inFlight.get() > 0 || !pending.isEmpty()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        poller.interrupt();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Step(rate, total, acknowledged.get(), searchable.count(), searchable, put);
    }

    private void poll(Map<String, Long> pending, Latencies searchable) {
        while (!Thread.currentThread().isInterrupted()) {
            long next = System.nanoTime() + POLL_MILLIS * 1_000_000L;
            List<String> ids;
            synchronized (pending) {
                ids = pending.keySet().stream().limit(POLL_IDS).toList();
            }
            if (!ids.isEmpty()) {
                try {
                    long sent = System.nanoTime();
                    Http.Answer answer = Http.post(elasticsearch.url() + "/" + alias
                            + "/_search?filter_path=hits.hits._id", "application/json", query(ids));
                    long seen = (sent + System.nanoTime()) / 2;
                    for (JsonNode hit : answer.ok() ? answer.json().path("hits").path("hits") : Http.JSON.createArrayNode()) {
                        Long acknowledged = pending.remove(hit.path("_id").asString());
                        if (acknowledged != null) {
                            searchable.add(Math.max(0, seen - acknowledged));
                        }
                    }
                } catch (RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private static byte[] query(List<String> ids) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("size", ids.size());
        body.put("_source", false);
        ArrayNode values = body.putObject("query").putObject("ids").putArray("values");
        ids.forEach(values::add);
        return Http.JSON.writeValueAsBytes(body);
    }
}
