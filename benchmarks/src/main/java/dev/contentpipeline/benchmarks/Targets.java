package dev.contentpipeline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets, checked against one run. A target says which phase and which processes to look at when
 * it is missed, for the "where the time goes" part of the report.
 */
final class Targets {

    static final double END_TO_END_SHARE = 0.8;
    static final double DRAIN_SHARE = 0.9;
    static final double FRESHNESS_P99_SECONDS = 1.2;
    static final double SEARCH_P99_FACTOR = 1.2;
    static final double SEARCH_P99_EXTRA_MILLIS = 3.0;
    static final double SERVICE_RSS_MB = 300;

    record Target(String name, String measured, String goal, boolean met, List<String> phases,
                  List<String> processes) {

        String verdict() {
            return met ? "met" : "MISSED";
        }
    }

    private Targets() {
    }

    static List<Target> check(Results results) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("end to end / raw bulk", ratio(results.endToEndRatio()), ">= " + END_TO_END_SHARE,
                results.endToEndRatio() >= END_TO_END_SHARE, List.of(Phases.END_TO_END),
                List.of("ingest-service", "index-service", "elasticsearch", "kafka")));
        targets.add(new Target("backlog drain / raw bulk", ratio(results.drainRatio()), ">= " + DRAIN_SHARE,
                results.drainRatio() >= DRAIN_SHARE, List.of(Phases.BACKLOG_DRAIN),
                List.of("index-service-backlog", "elasticsearch", "kafka")));
        for (FreshnessProbe.Step step : results.freshness) {
            double p99 = step.searchable().p99() / 1000;
            targets.add(new Target("freshness p99 at " + step.rate() + " PUT/s",
                    String.format(Locale.ROOT, "%.2f s (p50 %.2f s, %d lost)", p99, step.searchable().p50() / 1000,
                            step.lost()),
                    "<= " + FRESHNESS_P99_SECONDS + " s, refresh " + results.refreshInterval,
                    p99 <= FRESHNESS_P99_SECONDS && step.lost() == 0, List.of(Phases.freshness(step.rate())),
                    List.of("ingest-service", "index-service", "elasticsearch", "kafka")));
        }
        double service = results.searchService == null ? Double.NaN
                : results.searchService.fixedRate().latencies().p99();
        double direct = results.direct == null ? Double.NaN : results.direct.fixedRate().latencies().p99();
        double bound = Math.min(direct * SEARCH_P99_FACTOR, direct + SEARCH_P99_EXTRA_MILLIS);
        targets.add(new Target("search-service p99 vs direct",
                Double.isNaN(service - direct) ? "not measured" : String.format(Locale.ROOT,
                        "%.1f ms vs %.1f ms (x%.2f, +%.1f ms)", service, direct, service / direct, service - direct),
                String.format(Locale.ROOT, "<= x%.1f and <= +%.0f ms (%.1f ms)", SEARCH_P99_FACTOR,
                        SEARCH_P99_EXTRA_MILLIS, bound),
                service <= bound, List.of(Phases.SEARCH_FIXED, Phases.SEARCH_CAPACITY),
                List.of("search-service", "elasticsearch")));
        for (Map.Entry<String, ResourceUsage.Process> process : results.processes.entrySet()) {
            if (process.getKey().contains("-service")) {
                double peak = process.getValue().peakRssMb();
                Heap.Memory memory = results.heaps.get(process.getKey());
                String measured = String.format(Locale.ROOT, "%.0f MB", peak) + (memory == null
                        || memory.profilerMb() <= 0 ? "" : String.format(Locale.ROOT, " (%.0f MB of it the profiler's)",
                        memory.profilerMb()));
                targets.add(new Target("peak RSS of " + process.getKey(), measured,
                        "<= " + (int) SERVICE_RSS_MB + " MB", peak <= SERVICE_RSS_MB, List.of(),
                        List.of(process.getKey())));
            }
        }
        return targets;
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%.2f", value);
    }
}
