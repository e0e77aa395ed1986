package dev.contentpipeline.benchmarks;

import dev.contentpipeline.model.IndexDefinition;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The few index operations the benchmark needs, over plain HTTP. */
final class Elasticsearch {

    static final Duration COUNT_POLL = Duration.ofMillis(50);
    /** How long a load may take to become searchable: generous, since a shared machine may be very slow. */
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);

    private final String url;

    Elasticsearch(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    /** Creates an index with the articles index's own settings and mappings (the definition the indexer uses). */
    void createArticlesIndex(String name) {
        deleteIndex(name);
        Http.put(url + "/" + name, IndexDefinition.ARTICLES.json()).orThrow("Creating index " + name);
        Http.get(url + "/_cluster/health/" + name + "?wait_for_status=yellow&timeout=30s").orThrow("Index " + name);
    }

    void deleteIndex(String name) {
        Http.Answer answer = Http.delete(url + "/" + name);
        if (!answer.ok() && answer.status() != 404) {
            answer.orThrow("Deleting index " + name);
        }
    }

    /** Searchable documents: what a search sees, refreshed as the index's refresh interval has it. */
    long count(String target) {
        Http.Answer answer = Http.get(url + "/" + target + "/_count?ignore_unavailable=true");
        return answer.ok() ? answer.json().path("count").asLong() : -1;
    }

    /**
     * Polls the count until it reaches {@code expected}, never forcing a refresh: the same wait for every phase.
     * @return when it did, by {@link System#nanoTime()}
     * @throws IllegalStateException with the count reached, if it did not within the timeout
     */
    long awaitCount(String target, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = -1;
        while (System.nanoTime() < deadline) {
            count = count(target);
            if (count >= expected) {
                return System.nanoTime();
            }
            LockSupport.parkNanos(COUNT_POLL.toNanos());
        }
        throw new IllegalStateException(target + " held " + count + " of " + expected + " documents after "
                + timeout.toSeconds() + " s");
    }

    /**
     * Waits (up to {@code max}) until no merge runs, so that one phase's merges do not slow the next phase.
     * @return the merges still running when the wait ended: 0 if they all finished
     */
    long awaitNoMerges(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long running = 0;
        while (System.nanoTime() < deadline) {
            Http.Answer answer = Http.get(url + "/_nodes/stats/indices/merges?filter_path=nodes.*.indices.merges.current");
            running = 0;
            if (answer.ok()) {
                for (var node : answer.json().path("nodes")) {
                    running += node.path("indices").path("merges").path("current").asLong();
                }
            }
            if (running == 0) {
                return 0;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return running;
    }

    /**
     * Waits (up to {@code max}) until the count stays the same for {@code quiet}: what an earlier phase left in
     * Kafka or in flight is indexed before the next phase starts.
     */
    void awaitStableCount(String target, Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long last = count(target);
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < quiet.toNanos()) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            long now = count(target);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
    }

    String setting(String index, String name) {
        Http.Answer answer = Http.get(url + "/" + index + "/_settings/" + name + "?flat_settings=true");
        if (!answer.ok()) {
            return "?";
        }
        for (var settings : answer.json()) {
            return settings.path("settings").path(name).asString("?");
        }
        return "?";
    }

    /** The physical index an alias points at, or the name itself. */
    String indexBehind(String alias) {
        Http.Answer answer = Http.get(url + "/_alias/" + alias);
        return answer.ok() && answer.json().propertyNames().iterator().hasNext()
                ? answer.json().propertyNames().iterator().next() : alias;
    }

    /** An index's running totals of writing work: indexing, refreshes, merges; and its segments now. */
    record WriteWork(long indexed, long indexMillis, long refreshes, long refreshMillis, long merges, long mergeMillis,
                     long mergedDocs, long segments) {

        /** The work done between two readings, in words. */
        String since(WriteWork before) {
            long docs = indexed - before.indexed;
            return String.format(java.util.Locale.ROOT, "%,d documents indexed, %.2f ms of indexing time each; "
                    + "%d refreshes (%.1f s); %d merges (%.1f s, %,d documents); segments %d -> %d", docs,
                    docs <= 0 ? 0.0 : (indexMillis - before.indexMillis) / (double) docs, refreshes - before.refreshes,
                    (refreshMillis - before.refreshMillis) / 1000.0, merges - before.merges,
                    (mergeMillis - before.mergeMillis) / 1000.0, mergedDocs - before.mergedDocs, before.segments,
                    segments);
        }
    }

    /** The index's writing work so far (primaries), or null if Elasticsearch did not say. */
    WriteWork writeWork(String index) {
        Http.Answer answer = Http.get(url + "/" + index + "/_stats/indexing,refresh,merge,segments");
        if (!answer.ok()) {
            return null;
        }
        var total = answer.json().path("_all").path("primaries");
        return new WriteWork(total.path("indexing").path("index_total").asLong(),
                total.path("indexing").path("index_time_in_millis").asLong(),
                total.path("refresh").path("total").asLong(), total.path("refresh").path("total_time_in_millis").asLong(),
                total.path("merges").path("total").asLong(), total.path("merges").path("total_time_in_millis").asLong(),
                total.path("merges").path("total_docs").asLong(), total.path("segments").path("count").asLong());
    }

    /** Index-level figures for the report: size on disk, documents, segments. */
    String stats(String index) {
        Http.Answer answer = Http.get(url + "/" + index + "/_stats/docs,store,segments,refresh");
        if (!answer.ok()) {
            return "n/a";
        }
        var total = answer.json().path("_all").path("primaries");
        return String.format(java.util.Locale.ROOT, "%d docs, %.0f MB, %d segments, %d refreshes",
                total.path("docs").path("count").asLong(),
                total.path("store").path("size_in_bytes").asLong() / 1e6,
                total.path("segments").path("count").asLong(),
                total.path("refresh").path("total").asLong());
    }
}
