package dev.contentpipeline.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, filled in phase by phase, for the report and the chart. */
final class Results {

    /** A phase's edges on the wall clock, for the profiles, and its CPU use. */
    record Window(String phase, Instant from, Instant to, ResourceUsage.Phase usage) {
    }

    /** The search measurement of one target: fixed rate percentiles and the highest sustained rate. */
    record Search(SearchLoad.Stretch fixedRate, SearchLoad.Capacity capacity) {
    }

    BenchmarkOptions options;
    String arguments;
    Instant started;
    Instant finished;
    String machine;
    double corpusMegabytes;
    String refreshInterval;
    RawBulkLoad.Result raw;
    String ingestMode;
    Throughput endToEnd;
    Throughput kafkaFill;
    Throughput drain;
    double drainSecondsWithStartup;
    /** From the backlog indexer's start to the first document it wrote; NaN if not seen. */
    double firstWriteSeconds = Double.NaN;
    /** The same from an indexer started without the profiler (measured only when the services are profiled). */
    double firstWriteUnprofiledSeconds = Double.NaN;
    final List<FreshnessProbe.Step> freshness = new ArrayList<>();
    /**
     * The same rate as the single-write targets', first: the services' first single PUTs, their code still being
     * compiled. The single-write CPU targets are judged on the step after it.
     */
    FreshnessProbe.Step freshnessFirst;
    Search searchService;
    Search direct;
    /** How many requests search-service sent Elasticsearch for each query of the mix. */
    List<Integer> capturedRequests = List.of();
    OneAtATime.Measured directOneAtATime;
    /** The same requests over a version index-service rebuilt (and merged) after the search phase; its seconds. */
    OneAtATime.Measured directAfterRebuild;
    double rebuildSeconds = Double.NaN;
    /** Suggestions just after start-up (one round to warm up) and again after the search phase and many rounds. */
    OneAtATime.Measured suggest;
    OneAtATime.Measured suggestWarm;
    /** The one-at-a-time searches again, after the load phases: an Elasticsearch that has served a while. */
    OneAtATime.Measured directWarm;
    final List<CostCurve.Point> curve = new ArrayList<>();
    final List<Window> windows = new ArrayList<>();
    /** The processes' CPU by thread, and the JVMs' names for their threads. */
    final ResourceUsage usage = new ResourceUsage();
    Map<String, ResourceUsage.Process> processes = new LinkedHashMap<>();
    /** Per service: where its memory is, for the memory target. */
    final Map<String, Heap.Memory> heaps = new LinkedHashMap<>();
    /** Per phase, per process: where the CPU went. */
    final Map<String, Map<String, Profiles.Summary>> profiles = new LinkedHashMap<>();
    /** Per freshness phase: the articles index's writing work through it, from Elasticsearch's own statistics. */
    final Map<String, String> writeWork = new LinkedHashMap<>();
    /** Per phase: the indexer's bulk requests, from its own metrics. */
    final Map<String, IndexerMetrics.Totals> indexer = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    /** End to end over raw bulk; NaN if either was not measured. */
    double endToEndRatio() {
        return endToEnd == null || raw == null ? Double.NaN : endToEnd.docsPerSecond() / raw.throughput().docsPerSecond();
    }

    double drainRatio() {
        return drain == null || raw == null ? Double.NaN : drain.docsPerSecond() / raw.throughput().docsPerSecond();
    }

    /** The indexer's bulk requests in a phase, in words. */
    String indexerSummary(String phase) {
        IndexerMetrics.Totals totals = indexer.get(phase);
        return totals == null ? "n/a (no metrics)" : totals.describe();
    }

    /** CPU milliseconds per unit of work of the named processes in a phase; NaN if the phase was not measured. */
    double cpuMillisPer(String phase, double units, String... processes) {
        Window w = window(phase);
        if (w == null || units <= 0) {
            return Double.NaN;
        }
        double seconds = 0;
        for (String process : processes) {
            seconds += w.usage().cpuSeconds().getOrDefault(process, 0.0);
        }
        return 1000 * seconds / units;
    }

    /** CPU milliseconds per unit of work that a process's profiler threads (JFR's) used in a phase; NaN if unknown. */
    double profilerMillisPer(String phase, double units, String process) {
        Window w = window(phase);
        if (w == null || units <= 0 || w.usage().threadCpu().isEmpty()) {
            return Double.NaN;
        }
        return 1000 * usage.profilerSeconds(w.usage(), process) / units;
    }

    Window window(String phase) {
        return windows.stream().filter(w -> w.phase().equals(phase)).findFirst().orElse(null);
    }
}
