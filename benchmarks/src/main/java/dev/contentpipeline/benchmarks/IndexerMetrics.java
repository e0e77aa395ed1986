package dev.contentpipeline.benchmarks;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The indexer's own account of a phase, from its actuator: how many bulk requests it sent ({@code
 * pipeline.index.bulk}), how long they took, and how many items they indexed ({@code pipeline.index.items}).
 */
final class IndexerMetrics {

    /** Totals since the indexer started; {@link #minus} gives a phase's share. */
    record Totals(long bulks, double bulkSeconds, double indexed) {

        Totals minus(Totals before) {
            return new Totals(bulks - before.bulks, bulkSeconds - before.bulkSeconds, indexed - before.indexed);
        }

        String describe() {
            if (bulks <= 0) {
                return "no bulk requests";
            }
            return String.format(Locale.ROOT, "%,d bulk requests of %.0f documents on average, %.0f ms each on "
                    + "average (%.1f s in all)", bulks, indexed / bulks, 1000 * bulkSeconds / bulks, bulkSeconds);
        }
    }

    private IndexerMetrics() {
    }

    /** The totals now, or null if the actuator does not answer (the metric names changed, say). */
    static Totals read(String indexerUrl) {
        try {
            Http.Answer bulk = Http.get(indexerUrl + "/actuator/metrics/pipeline.index.bulk");
            Http.Answer items = Http.get(indexerUrl + "/actuator/metrics/pipeline.index.items?tag=outcome:indexed");
            if (!bulk.ok()) {
                return null;
            }
            return new Totals((long) measurement(bulk.json(), "COUNT"), measurement(bulk.json(), "TOTAL_TIME"),
                    items.ok() ? measurement(items.json(), "COUNT") : Double.NaN);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Waits (up to {@code max}) while the indexer has a merge after a load due or running (its gauge {@code
     * pipeline.index.merge-after-load.due}), so that the merge it starts once the topics are quiet is not measured
     * as part of the next phase. An indexer without the gauge has nothing to wait for.
     * @return how long it waited
     */
    static Duration awaitNoMergeDue(String indexerUrl, Duration max) {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        while (System.nanoTime() < deadline) {
            Http.Answer due = Http.get(indexerUrl + "/actuator/metrics/pipeline.index.merge-after-load.due");
            if (!due.ok() || measurement(due.json(), "VALUE") == 0) {
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static double measurement(JsonNode metric, String statistic) {
        for (JsonNode measurement : metric.path("measurements")) {
            if (statistic.equals(measurement.path("statistic").asString())) {
                return measurement.path("value").asDouble();
            }
        }
        return 0;
    }
}
