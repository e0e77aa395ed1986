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
    /** Freshness p99 at single-write rates up to {@link #CPU_RATE} PUT/s, and above. */
    static final double FRESHNESS_P99_SECONDS = 1.5;
    static final double FRESHNESS_P99_SECONDS_FAST = 2.5;
    static final double SEARCH_P99_FACTOR = 1.2;
    static final double SEARCH_P99_EXTRA_MILLIS = 3.0;
    static final double SERVICE_RSS_MB = 300;
    static final double TOOK_P50_MILLIS = 10;
    static final double TOOK_P99_MILLIS = 30;
    static final int SUSTAINED_QPS = 60;
    static final double SUGGEST_P50_MILLIS = 5;
    /** The freshness step whose CPU per PUT the single-write targets read. */
    static final int CPU_RATE = 100;
    static final double INGEST_CPU_MS_PER_PUT = 1;
    static final double KAFKA_CPU_MS_PER_RECORD = 0.5;
    static final double INDEXER_CPU_MS_PER_DOC = 0.2;
    static final double FIRST_WRITE_SECONDS = 5;
    static final double PIPELINE_CPU_MS_PER_DOC = 0.5;

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
            double goal = freshnessGoal(step.rate());
            targets.add(new Target("freshness p99 at " + step.rate() + " PUT/s",
                    String.format(Locale.ROOT, "%.2f s (p50 %.2f s, %d not searchable %d s after the last PUT)",
                            p99, step.searchable().p50() / 1000, step.unseen(),
                            FreshnessProbe.STRAGGLERS.toSeconds()),
                    "<= " + goal + " s, refresh " + results.refreshInterval,
                    p99 <= goal && step.unseen() == 0, List.of(Phases.freshness(step.rate())),
                    List.of("ingest-service", "index-service", "elasticsearch", "kafka")));
        }
        singleWrites(results, targets);
        bulkPath(results, targets);
        SearchTargets.add(results, targets);
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
                Heap.Memory memory = results.heaps.get(process.getKey());
                double profiler = memory == null ? 0 : Math.max(0, memory.profilerMb());
                double peak = process.getValue().peakRssMb() - profiler;
                String measured = String.format(Locale.ROOT, "%.0f MB", peak) + (profiler <= 0 ? ""
                        : String.format(Locale.ROOT, " (%.0f MB with the profiler's %.0f MB)",
                        process.getValue().peakRssMb(), profiler));
                targets.add(new Target("peak RSS of " + process.getKey() + ", profiler excluded", measured,
                        "<= " + (int) SERVICE_RSS_MB + " MB", peak <= SERVICE_RSS_MB, List.of(),
                        List.of(process.getKey())));
            }
        }
        return targets;
    }

    static double freshnessGoal(int rate) {
        return rate <= CPU_RATE ? FRESHNESS_P99_SECONDS : FRESHNESS_P99_SECONDS_FAST;
    }

    /**
     * CPU per single PUT, of ingest-service and of Kafka, in the freshness step at {@link #CPU_RATE} PUT/s that
     * follows the services' first single PUTs; the first step's figure is given beside it.
     */
    private static void singleWrites(Results results, List<Target> targets) {
        FreshnessProbe.Step step = results.freshness.stream().filter(s -> s.rate() == CPU_RATE).findFirst()
                .orElse(null);
        double puts = step == null ? 0 : step.acknowledged();
        String phase = Phases.freshness(CPU_RATE);
        double ingest = results.cpuMillisPer(phase, puts, "ingest-service");
        double kafka = results.cpuMillisPer(phase, puts, "kafka");
        FreshnessProbe.Step first = results.freshnessFirst;
        double firstPuts = first == null ? 0 : first.acknowledged();
        String firstPhase = Phases.freshnessFirst(CPU_RATE);
        String of = step == null ? "" : String.format(Locale.ROOT, " (%,.0f acknowledged PUTs", puts);
        targets.add(new Target("ingest-service CPU per PUT at " + CPU_RATE + " PUT/s",
                millis(ingest, of + profiler(", ", results, phase, puts, "ingest-service")
                        + firstStep(results.cpuMillisPer(firstPhase, firstPuts, "ingest-service"),
                        firstPuts)), "<= " + INGEST_CPU_MS_PER_PUT + " ms", ingest <= INGEST_CPU_MS_PER_PUT,
                List.of(phase, firstPhase), List.of("ingest-service")));
        targets.add(new Target("Kafka CPU per record at " + CPU_RATE + " PUT/s",
                millis(kafka, of + profiler(", ", results, phase, puts, "kafka")
                        + firstStep(results.cpuMillisPer(firstPhase, firstPuts, "kafka"), firstPuts)),
                "<= " + KAFKA_CPU_MS_PER_RECORD + " ms", kafka <= KAFKA_CPU_MS_PER_RECORD, List.of(phase, firstPhase),
                List.of("kafka")));
    }

    /**
     * What the profiler's own threads used of a process's CPU per unit, after {@code lead}; nothing where the run does
     * not profile.
     */
    private static String profiler(String lead, Results results, String phase, double units, String process) {
        double millis = results.profilerMillisPer(phase, units, process);
        return Double.isNaN(millis) || millis <= 0 ? "" : String.format(Locale.ROOT,
                "%sthe profiler's own threads %.2f ms of it", lead, millis);
    }

    private static String firstStep(double millis, double puts) {
        return Double.isNaN(millis) ? ")" : String.format(Locale.ROOT,
                "; the %,.0f single PUTs before them, the service's first: %.2f ms)", puts, millis);
    }

    /** The indexer's CPU per document draining a backlog, its first write after start, the pipeline's CPU. */
    private static void bulkPath(Results results, List<Target> targets) {
        double docs = results.options.docs();
        double indexer = results.drain == null ? Double.NaN
                : results.cpuMillisPer(Phases.BACKLOG_DRAIN, docs, "index-service-backlog");
        String drainProfiler = profiler(" (", results, Phases.BACKLOG_DRAIN, docs, "index-service-backlog");
        targets.add(new Target("index-service CPU per document, backlog drain",
                millis(indexer, drainProfiler.isEmpty() ? "" : drainProfiler + ")"),
                "<= " + INDEXER_CPU_MS_PER_DOC + " ms", indexer <= INDEXER_CPU_MS_PER_DOC,
                List.of(Phases.BACKLOG_DRAIN), List.of("index-service-backlog")));
        // Judged on a start without the profiler when the run profiles (a flight recording from the JVM's start holds
        // the start-up back); the profiled backlog indexer's is given beside it.
        boolean apart = !Double.isNaN(results.firstWriteUnprofiledSeconds);
        double first = apart ? results.firstWriteUnprofiledSeconds : results.firstWriteSeconds;
        String figure = Double.isNaN(first) ? "not measured" : String.format(Locale.ROOT, "%.1f s", first);
        if (apart) {
            figure += String.format(Locale.ROOT, " (a start without the profiler; the profiled backlog indexer's: %.1f s)",
                    results.firstWriteSeconds);
        }
        targets.add(new Target("index-service's first write after its JVM start", figure,
                "<= " + FIRST_WRITE_SECONDS + " s", first <= FIRST_WRITE_SECONDS, List.of(Phases.BACKLOG_STARTUP),
                List.of("index-service-backlog")));
        double pipeline = results.endToEnd == null ? Double.NaN
                : results.cpuMillisPer(Phases.END_TO_END, docs, "ingest-service", "kafka", "index-service");
        targets.add(new Target("pipeline CPU per document end to end (ingest, Kafka, index)", millis(pipeline, ""),
                "<= " + PIPELINE_CPU_MS_PER_DOC + " ms", pipeline <= PIPELINE_CPU_MS_PER_DOC,
                List.of(Phases.END_TO_END), List.of("ingest-service", "kafka", "index-service")));
    }

    static String millis(double value, String more) {
        return Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%.2f ms", value) + more;
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%.2f", value);
    }
}
