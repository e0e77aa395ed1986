package dev.contentpipeline.benchmarks;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A rebuild through index-service's API (replayed from the topics into a new version, merged, the aliases moved),
 * then the search phase's requests one at a time again: what a search costs over a rebuilt index rather than over
 * one the listener filled.
 */
final class RebuildPhase {

    private static final Duration LONGEST = Duration.ofMinutes(30);

    private final Results results;
    private final Log log;
    private final Elasticsearch elasticsearch;
    private final PhaseRunner.PhaseTimer timer;

    RebuildPhase(Results results, Log log, Elasticsearch elasticsearch, PhaseRunner.PhaseTimer timer) {
        this.results = results;
        this.log = log;
        this.elasticsearch = elasticsearch;
        this.timer = timer;
    }

    /** @param captured the search phase's requests (null if that phase failed) */
    void run(String indexerUrl, String apiKey, List<List<CapturedSearches.Captured>> captured) {
        log.phase("rebuild: index-service replays the topics into a new version, then the same searches");
        if (captured == null) {
            throw new IllegalStateException("no searches captured by the search phase");
        }
        Http.Answer started = Http.send(management("POST", indexerUrl + "/api/rebuilds", apiKey));
        if (started.status() != 202) {
            throw new IllegalStateException("POST /api/rebuilds answered " + started.status() + ": "
                    + new String(started.body(), StandardCharsets.UTF_8));
        }
        JsonNode done = timer.measure(Phases.REBUILD, false, () -> awaitEnd(indexerUrl, apiKey));
        if (!"done".equals(done.path("state").asString())) {
            throw new IllegalStateException("the rebuild ended " + done.path("state").asString() + ": "
                    + done.path("failure").asString());
        }
        results.rebuildSeconds = Duration.between(Instant.parse(done.path("startedAt").asString()),
                Instant.parse(done.path("finishedAt").asString())).toMillis() / 1000.0;
        log.line("rebuild to %s done in %.1f s (%d records replayed)", done.path("to").asString(),
                results.rebuildSeconds, done.path("recordsReplayed").asLong());
        results.directAfterRebuild = timer.measure(Phases.SEARCH_AFTER_REBUILD, true,
                () -> OneAtATime.direct(elasticsearch.url(), captured, PhaseRunner.ONE_AT_A_TIME_ROUNDS));
        log.line("one at a time after the rebuild: Elasticsearch took p50 %.0f ms p99 %.0f ms",
                results.directAfterRebuild.took().p50(), results.directAfterRebuild.took().p99());
    }

    /** The rebuild's report once it has a finishing time. */
    private static JsonNode awaitEnd(String indexerUrl, String apiKey) {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode report = Http.JSON.readTree(Http.send(
                    management("GET", indexerUrl + "/api/rebuilds/current", apiKey)).body());
            if (!report.path("finishedAt").asString("").isEmpty()) {
                return report;
            }
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        }
        throw new IllegalStateException("the rebuild did not end within " + LONGEST.toMinutes() + " minutes");
    }

    /** A request to index-service's management API, with the benchmark's key (scope admin). */
    private static Http.Request management(String method, String url, String apiKey) {
        return Http.to(method, url).header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(30));
    }
}
