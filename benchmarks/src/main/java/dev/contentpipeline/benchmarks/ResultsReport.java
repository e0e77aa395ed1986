package dev.contentpipeline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The run as Markdown: targets, throughput ratios, freshness, search, then {@link CostReport}'s CPU and memory. */
final class ResultsReport {

    private final Results r;
    private final List<Targets.Target> targets;
    private final Markdown md = new Markdown();
    private final CostReport costs;

    ResultsReport(Results results, List<Targets.Target> targets) {
        this.r = results;
        this.targets = targets;
        this.costs = new CostReport(results, md);
    }

    Path write(Path file) throws IOException {
        header();
        targets();
        throughput();
        freshness();
        search();
        costs.cpuPerPhase();
        costs.memory();
        if (!r.curve.isEmpty()) {
            CostCurve.report(r.curve, md);
        }
        costs.whereTheTimeGoes(targets);
        method();
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.text());
        return file;
    }

    private void header() {
        line("# Benchmark: the pipeline side by side with raw Elasticsearch and Kafka");
        line("");
        line("Run %s, %s; %s.", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(r.started.atOffset(ZoneOffset.UTC)),
                duration(Duration.between(r.started, r.finished)), r.machine);
        line("Corpus: %,d synthetic articles (seed %d), %.0f MB of JSON, %.1f KB on average, 1 to 20 KB. "
                + "Command: `benchmarks/run%s`.", r.options.docs(), r.options.seed(), r.corpusMegabytes,
                r.corpusMegabytes * 1000 / r.options.docs(), r.arguments.isBlank() ? "" : " " + r.arguments);
        double others = r.windows.stream().mapToDouble(w -> w.usage().others()).sum();
        double capacity = r.windows.stream().mapToDouble(w -> w.usage().wallSeconds()).sum()
                * Runtime.getRuntime().availableProcessors();
        line("");
        line("**Shared machine**: while the phases ran, processes this benchmark did not start used %.0f CPU seconds, "
                + "%.0f%% of the machine. Read every figure as a ratio within this run, not as an absolute.",
                others, 100 * others / capacity);
        r.notes.forEach(note -> line("- %s", note));
    }

    private void targets() {
        section("Targets");
        line("| target | measured | goal | |");
        line("|---|---|---|---|");
        targets.forEach(t -> line("| %s | %s | %s | %s |", t.name(), t.measured(), t.goal(),
                t.met() ? "met" : "**missed**"));
    }

    private void throughput() {
        section("Throughput: documents per second until all are searchable");
        if (r.raw == null) {
            line("Not measured: the baseline failed (see the notes above), so there is no ratio to give.");
            costs.cpuPerDocument();
            return;
        }
        Throughput raw = r.raw.throughput();
        line("| path | docs/s | ratio to raw | seconds | acknowledged docs/s | requests |");
        line("|---|---:|---:|---:|---:|---:|");
        row("raw Elasticsearch bulk, " + r.raw.settings().label(), raw, raw);
        row("end to end, " + r.ingestMode, r.endToEnd, raw);
        row("backlog drain by index-service, from partition assignment", r.drain, raw);
        if (r.kafkaFill != null) {
            line("| Kafka alone: the corpus produced (acks=all, idempotent) | %,.0f | %.2f | %.1f | | |",
                    r.kafkaFill.acknowledgedPerSecond(), r.kafkaFill.acknowledgedPerSecond() / raw.docsPerSecond(),
                    (r.kafkaFill.acknowledged() - r.kafkaFill.started()) / 1e9);
        }
        line("");
        if (r.drain != null) {
            line("The drain took %.1f s counting the indexer's start-up; its first document was written %.1f s after "
                    + "its JVM started%s.", r.drainSecondsWithStartup, r.firstWriteSeconds,
                    Double.isNaN(r.firstWriteUnprofiledSeconds) ? "" : String.format(Locale.ROOT,
                            " (%.1f s in a start of its own without the profiler)", r.firstWriteUnprofiledSeconds));
        }
        line("Bulk sweep (%,d documents each, acknowledged docs/s): %s.", r.options.sweepDocs(), String.join(", ",
                r.raw.sweep().stream().map(p -> String.format(Locale.ROOT, "%s %,.0f", p.settings().label(),
                        p.docsPerSecond())).toList()));
        line("");
        line("Bulk requests to Elasticsearch: raw, %,d of %.0f documents on average; the indexer, end to end: %s; "
                + "draining the backlog: %s.", raw.requests(), (double) raw.docs() / Math.max(1, raw.requests()),
                r.indexerSummary(Phases.END_TO_END), r.indexerSummary(Phases.BACKLOG_DRAIN));
        costs.cpuPerDocument();
    }

    private void row(String path, Throughput t, Throughput raw) {
        if (t == null) {
            line("| %s | not measured | | | | |", path);
            return;
        }
        line("| %s | %,.0f | %.2f | %.1f | %,.0f | %s |", path, t.docsPerSecond(), t.docsPerSecond()
                / raw.docsPerSecond(), t.seconds(), t.acknowledgedPerSecond(), t.requests() == 0 ? ""
                : t.requests() + (t.resent() > 0 ? " (" + t.resent() + " docs resent)" : ""));
    }

    private void freshness() {
        section("Freshness: acknowledgement by ingest to searchable (refresh interval " + r.refreshInterval + ")");
        line("| PUT/s | sent | acknowledged | searchable | not searchable %d s after the last PUT | p50 | p99 "
                + "| PUT p50 | PUT p99 |", FreshnessProbe.STRAGGLERS.toSeconds());
        line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        if (r.freshnessFirst != null) {
            freshnessRow(r.freshnessFirst.rate() + ", the first single PUTs", r.freshnessFirst);
        }
        for (FreshnessProbe.Step s : r.freshness) {
            freshnessRow(Integer.toString(s.rate()), s);
        }
        line("");
        line("A latency runs from ingest's 202 to the first poll that finds the article: the indexer's wait for a "
                + "batch, its bulk request, then up to one refresh interval until a search sees it. The first step "
                + "is the services' first single PUTs (ingest's single-PUT code is still interpreted and compiled "
                + "through it); the single-write CPU goals are judged on the step at the same rate after it.");
        if (r.freshnessFirst != null) {
            line("- %d PUT/s, the first single PUTs, the indexer: %s.%s", r.freshnessFirst.rate(),
                    r.indexerSummary(Phases.freshnessFirst(r.freshnessFirst.rate())),
                    writeWork(Phases.freshnessFirst(r.freshnessFirst.rate())));
        }
        r.freshness.forEach(s -> line("- %d PUT/s, the indexer: %s.%s", s.rate(),
                r.indexerSummary(Phases.freshness(s.rate())), writeWork(Phases.freshness(s.rate()))));
    }

    /** The articles index's writing work through a freshness step, as Elasticsearch counts it. */
    private String writeWork(String phase) {
        String work = r.writeWork.get(phase);
        return work == null ? "" : " The articles index meanwhile: " + work + ".";
    }

    private void freshnessRow(String rate, FreshnessProbe.Step s) {
        line("| %s | %,d | %,d | %,d | %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms |", rate, s.sent(), s.acknowledged(),
                s.found(), s.unseen(), s.searchable().p50(), s.searchable().p99(), s.put().p50(), s.put().p99());
    }

    private void search() {
        section("Search: the same queries through search-service and straight to Elasticsearch");
        if (r.searchService == null || r.direct == null) {
            line("Not measured: the search phase failed (see the notes above).");
            return;
        }
        line("| target | p50 at %d q/s | p99 | server-side p50 / p99 | highest sustained rate | steps |",
                r.options.searchRate());
        line("|---|---:|---:|---:|---:|---|");
        searchRow("search-service `/api/search`", r.searchService, "tookMs");
        searchRow("Elasticsearch, the same requests sent straight", r.direct, "took");
        line("");
        oneAtATime();
        line("Ratios: p50 x%.2f, p99 x%.2f, highest sustained rate %.2f of direct. Sustained: at least %.0f%% "
                        + "answered within the step plus 1 s, none failed, p99 at most %d ms; steps of %d s, x%.1f "
                        + "each, and the goal's %d q/s as a step of its own.",
                r.searchService.fixedRate().latencies().p50() / r.direct.fixedRate().latencies().p50(),
                r.searchService.fixedRate().latencies().p99() / r.direct.fixedRate().latencies().p99(),
                (double) r.searchService.capacity().highestSustained()
                        / Math.max(1, r.direct.capacity().highestSustained()),
                SearchLoad.SUSTAINED_SHARE * 100, r.options.searchSlo().toMillis(), r.options.stepTime().toSeconds(),
                SearchLoad.RATE_STEP, Targets.SUSTAINED_QPS);
    }

    /** The searches and suggestions sent one at a time, each after the previous answered. */
    private void oneAtATime() {
        line("");
        line("| one at a time | searches | p50 | p99 | server-side p50 / p99 |");
        line("|---|---:|---:|---:|---:|");
        oneAtATimeRow(r.directOneAtATime, "took", "Elasticsearch, search-service's requests for each query ("
                + SearchTargets.requestsPerSearch(r.capturedRequests) + ")");
        oneAtATimeRow(r.directWarm, "took", "the same again after the load phases (Elasticsearch warm)");
        oneAtATimeRow(r.directAfterRebuild, "took", String.format(Locale.ROOT, "the same, over a version "
                + "index-service rebuilt and merged to one segment (rebuild %.0f s)", r.rebuildSeconds));
        oneAtATimeRow(r.suggest, "tookMs", "search-service `/api/suggest?q=<prefix>`, just after start-up");
        if (r.suggestWarm != null) {
            oneAtATimeRow(r.suggestWarm, "tookMs", String.format(Locale.ROOT, "the same on a warm service (after the "
                    + "search phase and %,d more suggestions)", PhaseRunner.WARM_SUGGEST_ROUNDS
                    * r.suggestWarm.searches() / PhaseRunner.ONE_AT_A_TIME_ROUNDS));
        }
        line("");
    }

    /** A row of the one-at-a-time table, where it was measured; {@code took} names the server's own time. */
    private void oneAtATimeRow(OneAtATime.Measured m, String took, String what) {
        if (m != null) {
            line("| %s | %d | %.1f ms | %.1f ms | %s %.0f / %.0f ms |", what, m.searches(), m.latency().p50(),
                    m.latency().p99(), took, m.took().p50(), m.took().p99());
        }
    }

    private void searchRow(String target, Results.Search s, String took) {
        Latencies l = s.fixedRate().latencies();
        line("| %s | %.1f ms | %.1f ms | %s %.0f / %.0f ms | %s | %s |", target, l.p50(), l.p99(), took,
                s.fixedRate().serverMillis().p50(), s.fixedRate().serverMillis().p99(), sustained(s.capacity()),
                String.join(", ", s.capacity().steps().stream().map(step -> step.rate()
                        + (step.sustained(r.options.searchSlo()) ? "" : String.format(Locale.ROOT, " (p99 %.0f ms, %d/%d)",
                        step.latencies().p99(), step.answeredInTime(), step.sent()))).toList()));
    }

    /** The highest rate sustained, or "below" the first rate tried when even that one was not. */
    private String sustained(SearchLoad.Capacity capacity) {
        return capacity.highestSustained() > 0 ? capacity.highestSustained() + " q/s"
                : "below " + r.options.searchRate() + " q/s";
    }

    private void method() {
        section("How it was measured");
        line("- One machine, one run: Kafka (KRaft) and Elasticsearch %s from the local stack, the three services "
                + "from their exec jars, all started by the benchmark; the services start before the baseline and "
                + "idle through it, so every phase shares the machine with the same processes.", "8.19");
        line("- Documents per second run from the first request to the first `_count` (polled every %d ms, never "
                + "forcing a refresh) that sees every document. The raw index has the articles index's settings and "
                + "mappings, and each document is what the indexer writes (the record's JSON plus type, version and "
                + "deleted, external version). Before each phase the benchmark waits for running merges to end, "
                + "among them the merge index-service starts once a load is over and the topics are quiet "
                + "(`index.merge-after-load`).",
                Elasticsearch.COUNT_POLL.toMillis());
        line("- The backlog's drain is timed from the log line in which the indexer's consumers got their "
                + "partitions, so JVM start-up is left out (and given separately).");
        line("- Freshness: PUTs sent on schedule whatever the answers; one poller asks Elasticsearch every %d ms "
                + "which of the %d pending ids acknowledged longest ago a search finds (so a latency can come out "
                + "late, never early); a latency runs from the acknowledgement to the middle of that poll.",
                FreshnessProbe.POLL_MILLIS, FreshnessProbe.POLL_IDS);
        line("- Search: open loop (latency counted from each query's scheduled instant), %d queries in a fixed "
                + "mix, warmed up first; direct and search-service measured in alternating rounds. The direct requests "
                + "are the very ones search-service sends Elasticsearch for each query of the mix, in the same order "
                + "(the search; for a query that finds little, the spelling suggestions and their count; read from "
                + "its client's trace log in one pass before the measurement), so the difference is the service's "
                + "own cost: parsing, building the requests, reading the answers, the country card.",
                new QueryMix(new SyntheticCorpus(r.options.seed())).queries().size());
        line("- One at a time: the mix once to warm up, then %d rounds, each search sent when the previous one "
                + "answered; straight to Elasticsearch, took is summed over the requests of one search (search-service's "
                + "requests per query: %s); the same rounds again after the load phases, on an Elasticsearch that has "
                + "served a while (the took goals are judged on these; its search code is compiled over its first few "
                + "hundred searches). `/api/suggest` over %d prefixes: the first 2 to 4 letters of the mix's words "
                + "and the beginnings of a few country names; its tookMs is Elasticsearch's took. Suggestions are "
                + "measured twice: just after start-up, and after the search phase's load and %d more rounds (the "
                + "goal is judged on this one: a service that has served a while).",
                PhaseRunner.ONE_AT_A_TIME_ROUNDS, r.capturedRequests, new QueryMix(new SyntheticCorpus(r.options.seed()))
                        .prefixes().size(), PhaseRunner.WARM_SUGGEST_ROUNDS);
        line("- CPU per PUT and per record: the process's CPU seconds in the freshness step at %d PUT/s over the "
                + "PUTs acknowledged in it (the step after the services' first single PUTs, which is given beside); "
                + "CPU per document: the process's CPU seconds in the phase over the corpus. "
                + "The first write: from an indexer's launch to the first indexing operation its index counts "
                + "(its _stats polled every 20 ms); when profiling, judged on an indexer started on the filled topic "
                + "without the profiler (its own consumer group and index, stopped after that write), before the "
                + "profiled one that drains it. Peak RSS is compared without the profiler's share (JFR and native "
                + "memory tracking, when profiling).", Targets.CPU_RATE);
        line("- CPU seconds from /proc/<pid>/stat, peak RSS from VmHWM in /proc/<pid>/status; 'others' is the "
                + "machine's busy time (/proc/stat) less that of the processes listed. CPU by thread from "
                + "/proc/<pid>/task/<tid>/stat at the same edges, named as each JVM names its threads (jcmd "
                + "Thread.print once its work is done; a thread that ended before is named by its first 15 "
                + "characters, as /proc keeps them); the samples see only threads running Java code.%s",
                r.options.profile()
                ? " Profiles: JFR execution samples (every 20 ms, no other event recorded) from every JVM, counted per phase; "
                + "the CPU of JFR's own threads is given beside the CPU goals, which are judged on the whole."
                : "");
        line("- The ingest API key is made for the run, its SHA-256 given to ingest-service by environment; its rate "
                + "limit is raised far above the load, so that the limiter does not shape the figures.");
    }

    private static String duration(Duration d) {
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    private void section(String title) {
        md.section(title);
    }

    private void line(String format, Object... args) {
        md.line(format, args);
    }
}
