package dev.contentpipeline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/** The measuring phases, each timed inside a {@link PhaseTimer} so its CPU use is known too. */
final class PhaseRunner {

    /** Runs a phase between CPU snapshots; first, unless told not to, waits until the previous phase settled. */
    interface PhaseTimer {
        <T> T measure(String phase, boolean settleFirst, Supplier<T> body);
    }

    private final BenchmarkOptions options;
    private final Results results;
    private final Log log;
    private final Elasticsearch elasticsearch;
    private final SyntheticCorpus corpus;
    private final byte[][] json;
    /** The live indexer's URL, whose merge after a load the searches wait for. */
    private final String indexerUrl;
    private final PhaseTimer timer;
    /** search-service's requests for the mix, captured by the search phase, for the search after a rebuild. */
    private List<List<CapturedSearches.Captured>> captured;

    /**
     * The longest the search phase waits for Elasticsearch to finish merging what the drain and the freshness PUTs
     * wrote: merges beside the searches on two cores would be measured as the searches' own time.
     */
    static final Duration SEARCH_SETTLE = Duration.ofMinutes(3);

    /** Rounds over the mix of each one-at-a-time measurement: enough searches for a p99 that is not the maximum. */
    static final int ONE_AT_A_TIME_ROUNDS = 10;
    /**
     * Rounds over the prefixes sent before suggestions are measured again on a warm service: a search-service just
     * started kept getting quicker over a few thousand suggestions (p50 5.2, 4.5, 3.5, 2.8, 2.5 ms in blocks of 720
     * on 50,000 articles, Elasticsearch's took 1 ms throughout), as a service that has served a while is.
     */
    static final int WARM_SUGGEST_ROUNDS = 30;

    PhaseRunner(BenchmarkOptions options, Results results, Log log, Elasticsearch elasticsearch,
                SyntheticCorpus corpus, byte[][] json, String indexerUrl, PhaseTimer timer) {
        this.options = options;
        this.results = results;
        this.log = log;
        this.elasticsearch = elasticsearch;
        this.corpus = corpus;
        this.json = json;
        this.indexerUrl = indexerUrl;
        this.timer = timer;
    }

    void raw(String index) {
        log.phase("raw Elasticsearch: sweep, then the corpus");
        RawBulkLoad raw = new RawBulkLoad(elasticsearch, json);
        List<RawBulkLoad.SweepPoint> sweep = timer.measure(Phases.RAW_SWEEP, true,
                () -> raw.sweep(options.sweepDocs(), log));
        ChunkedLoad.Settings best = RawBulkLoad.best(sweep);
        log.line("loading %,d documents at %s", json.length, best.label());
        Throughput throughput = timer.measure(Phases.RAW_BULK, true, () -> raw.load(index, best));
        results.raw = new RawBulkLoad.Result(best, sweep, throughput);
        log.line("raw bulk: %,.0f docs/s until searchable (%,.0f acknowledged), %.1f s; index %s",
                throughput.docsPerSecond(), throughput.acknowledgedPerSecond(), throughput.seconds(),
                elasticsearch.stats(index));
        elasticsearch.deleteIndex(index);
    }

    void endToEnd(IngestLoad ingest, String alias) {
        log.phase("end to end: ingest-service -> Kafka -> index-service -> Elasticsearch");
        ChunkedLoad.Settings settings = ingest.settings(results.raw.settings());
        results.ingestMode = ingest.usesBulk() ? "POST /api/bulk, " + settings.label() : "PUT /api/articles/{id} x "
                + settings.concurrency();
        log.line("through %s", results.ingestMode);
        results.endToEnd = timer.measure(Phases.END_TO_END, true, () -> {
            long started = System.nanoTime();
            ChunkedLoad.Outcome outcome = ingest.load(json, settings);
            long acknowledged = System.nanoTime();
            long searchable = elasticsearch.awaitCount(alias, json.length, Elasticsearch.LOAD_TIMEOUT);
            return new Throughput(json.length, started, acknowledged, searchable, outcome.requests(),
                    outcome.resent());
        });
        log.line("end to end: %,.0f docs/s until searchable (%,.0f acknowledged by ingest), %.1f s: %.2f of raw bulk",
                results.endToEnd.docsPerSecond(), results.endToEnd.acknowledgedPerSecond(),
                results.endToEnd.seconds(), results.endToEndRatio());
    }

    void backlog(PipelineServices services, String bootstrapServers, ResourceUsage usage) {
        log.phase("backlog: the topic filled first, then an indexer started on it");
        results.kafkaFill = timer.measure(Phases.KAFKA_FILL, true,
                () -> BacklogDrain.fill(bootstrapServers, json, 3, log));
        log.line("Kafka alone took %,.0f records/s (acks=all, idempotent)", results.kafkaFill.acknowledgedPerSecond());
        if (services.profiling()) {
            results.firstWriteUnprofiledSeconds = firstWriteWithoutProfiler(services);
        }
        String name = "index-service-backlog";
        PipelineServices.Running indexer = services.startIndex(name, options.indexJar(), BacklogDrain.TOPIC,
                BacklogDrain.ALIAS, "index-service-backlog");
        usage.track(name, indexer.pid());
        CompletableFuture<Long> firstWrite = BacklogDrain.firstWrite(elasticsearch, BacklogDrain.ALIAS,
                Duration.ofMinutes(5));
        try {
            long assigned = timer.measure(Phases.BACKLOG_STARTUP, false, () -> BacklogDrain.awaitAssigned(indexer));
            // Straight on: the drain began with the assignment, so nothing may wait in between.
            results.drain = timer.measure(Phases.BACKLOG_DRAIN, false,
                    () -> BacklogDrain.drain(assigned, elasticsearch, BacklogDrain.ALIAS, json.length));
            results.drainSecondsWithStartup = (results.drain.searchable() - indexer.startedNanos()) / 1e9;
            long firstWritten = firstWrite.join();
            results.firstWriteSeconds = firstWritten < 0 ? Double.NaN : (firstWritten - indexer.startedNanos()) / 1e9;
            IndexerMetrics.Totals drained = IndexerMetrics.read(indexer.url());
            if (drained != null) {
                results.indexer.put(Phases.BACKLOG_DRAIN, drained);
            }
            usage.snapshot();
            results.heaps.put(name, Heap.describe(indexer.pid(), log));
            usage.learnThreadNames(name, indexer.pid(), log);
        } finally {
            indexer.process().stop();
        }
        log.line("drain: %,.0f docs/s from partition assignment until searchable (%.1f s; %.1f s with start-up): "
                + "%.2f of raw bulk; first document written %.1f s after the indexer's start",
                results.drain.docsPerSecond(), results.drain.seconds(), results.drainSecondsWithStartup,
                results.drainRatio(), results.firstWriteSeconds);
        elasticsearch.deleteIndex(elasticsearch.indexBehind(BacklogDrain.ALIAS));
    }

    /**
     * The first write of an indexer started as users start it, without the profiler: on the filled topic in a consumer
     * group and alias of its own, stopped as soon as its index counts a write, its index removed.
     * @return seconds from its launch to its first write, NaN if none within the timeout
     */
    private double firstWriteWithoutProfiler(PipelineServices services) {
        PipelineServices.Running probe = services.startIndex("index-service-first-write", options.indexJar(),
                BacklogDrain.TOPIC, BacklogDrain.PROBE_ALIAS, "index-service-first-write", false);
        try {
            long written = BacklogDrain.firstWrite(elasticsearch, BacklogDrain.PROBE_ALIAS, Duration.ofMinutes(5))
                    .join();
            double seconds = written < 0 ? Double.NaN : (written - probe.startedNanos()) / 1e9;
            log.line("first write without the profiler: %.1f s after the indexer's start", seconds);
            return seconds;
        } finally {
            probe.process().stop();
            elasticsearch.deleteIndex(elasticsearch.indexBehind(BacklogDrain.PROBE_ALIAS));
        }
    }

    void freshness(IngestLoad ingest, String alias) {
        log.phase("freshness: PUTs at a constant rate, acknowledgement to searchable");
        // Ingest's single-PUT path has not run yet (the corpus came in bulk): its first seconds of single PUTs
        // interpret and compile that code (1.40 ms of CPU per PUT against 0.89 in the same rate's next step, README
        // round 20). That step is measured and reported on its own; the steady-state steps follow.
        results.freshnessFirst = freshnessStep(ingest, alias, Targets.CPU_RATE, "first-fresh-",
                Phases.freshnessFirst(Targets.CPU_RATE));
        for (int rate : options.freshnessRates()) {
            results.freshness.add(freshnessStep(ingest, alias, rate, "fresh" + rate + "-", Phases.freshness(rate)));
        }
    }

    private FreshnessProbe.Step freshnessStep(IngestLoad ingest, String alias, int rate, String idPrefix,
            String phase) {
        byte[][] articles = corpus.jsonOfFirst(idPrefix, (int) (rate * options.freshnessTime().toSeconds()));
        FreshnessProbe.Step step = timer.measure(phase, true, () -> {
            Elasticsearch.WriteWork before = elasticsearch.writeWork(alias);
            FreshnessProbe.Step done = new FreshnessProbe(ingest, elasticsearch, alias).run(rate,
                    options.freshnessTime(), articles);
            Elasticsearch.WriteWork after = elasticsearch.writeWork(alias);
            if (before != null && after != null) {
                results.writeWork.put(phase, after.since(before));
            }
            return done;
        });
        log.line("%s: %d sent, %d acknowledged, %d searchable; ack->searchable p50 %.0f ms, p99 %.0f ms; "
                + "PUT p50 %.0f ms, p99 %.0f ms", phase, step.sent(), step.acknowledged(), step.found(),
                step.searchable().p50(), step.searchable().p99(), step.put().p50(), step.put().p99());
        return step;
    }

    void search(String searchUrl, Path searchLog, String alias) {
        log.phase("search: search-service and Elasticsearch directly, the same queries");
        long waitFrom = System.nanoTime();
        elasticsearch.awaitStableCount(alias, Duration.ofSeconds(1), BenchmarkSession.SETTLE);
        String before = elasticsearch.stats(alias);
        Duration indexerMerge = IndexerMetrics.awaitNoMergeDue(indexerUrl, SEARCH_SETTLE);
        long merging = elasticsearch.awaitNoMerges(SEARCH_SETTLE);
        String settled = String.format(Locale.ROOT, "Before the searches, %s held %s; index-service's merge after "
                + "the load (due once the topics were quiet) and Elasticsearch's own merges ran for %.0f s "
                + "(%.0f s of it waiting for index-service's)%s; %s then: %s", alias, before,
                (System.nanoTime() - waitFrom) / 1e9, indexerMerge.toNanos() / 1e9,
                merging > 0 ? " (" + merging + " merges still running when the wait ended)" : "", alias,
                elasticsearch.stats(alias));
        log.line("%s", settled);
        results.notes.add(settled);
        QueryMix mix = new QueryMix(corpus);
        List<List<CapturedSearches.Captured>> requests;
        try {
            requests = CapturedSearches.capture(searchUrl, searchLog, mix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.line("captured search-service's Elasticsearch requests for %d queries: %d in all (%s per query)",
                requests.size(), requests.stream().mapToInt(List::size).sum(),
                requests.stream().map(r -> Integer.toString(r.size())).collect(Collectors.joining(",")));
        results.capturedRequests = requests.stream().map(List::size).toList();
        captured = requests;
        OneAtATime.Measured[] alone = timer.measure(Phases.SEARCH_ONE_AT_A_TIME, true, () -> new OneAtATime.Measured[] {
                OneAtATime.direct(elasticsearch.url(), requests, ONE_AT_A_TIME_ROUNDS),
                OneAtATime.suggest(searchUrl, mix.prefixes(), 1, ONE_AT_A_TIME_ROUNDS)});
        results.directOneAtATime = alone[0];
        results.suggest = alone[1];
        log.line("one at a time: Elasticsearch took p50 %.0f ms p99 %.0f ms; /api/suggest p50 %.1f ms p99 %.1f ms "
                + "(took p50 %.0f ms)", alone[0].took().p50(), alone[0].took().p99(), alone[1].latency().p50(),
                alone[1].latency().p99(), alone[1].took().p50());
        SearchLoad service = new SearchLoad(n -> Http.sendAsync(mix.viaSearchService(searchUrl, n)), "tookMs");
        SearchLoad direct = new SearchLoad(n -> mix.direct(elasticsearch.url(), requests, n), "took");
        service.warmUp(3, mix.queries().size(), log);
        direct.warmUp(3, mix.queries().size(), log);
        // Alternating short rounds, so that a burst of other work on the machine falls on both alike.
        int rounds = 4;
        Duration round = options.searchTime().dividedBy(rounds);
        SearchLoad.Stretch[] fixed = timer.measure(Phases.SEARCH_FIXED, true, () -> {
            SearchLoad.Stretch viaService = null;
            SearchLoad.Stretch straight = null;
            for (int r = 0; r < rounds; r++) {
                straight = merge(straight, direct.run(options.searchRate(), round));
                viaService = merge(viaService, service.run(options.searchRate(), round));
            }
            return new SearchLoad.Stretch[] {viaService, straight};
        });
        log.line("at %d q/s: search-service p50 %.1f ms p99 %.1f ms; direct p50 %.1f ms p99 %.1f ms",
                options.searchRate(), fixed[0].latencies().p50(), fixed[0].latencies().p99(),
                fixed[1].latencies().p50(), fixed[1].latencies().p99());
        SearchLoad.Capacity[] capacity = timer.measure(Phases.SEARCH_CAPACITY, true, () -> new SearchLoad.Capacity[] {
                service.capacity(options.searchRate(), Targets.SUSTAINED_QPS, options.stepTime(), options.searchSlo(),
                        log, "search-service"),
                direct.capacity(options.searchRate(), Targets.SUSTAINED_QPS, options.stepTime(), options.searchSlo(),
                        log, "direct")});
        results.searchService = new Results.Search(fixed[0], capacity[0]);
        results.direct = new Results.Search(fixed[1], capacity[1]);
        // A fresh node gets quicker over its first few hundred searches (the mix's took fell from 65 to 12 ms, its
        // CPU per search from 197 to about 30 ms, over 400 searches): the same requests again, after the load.
        results.directWarm = timer.measure(Phases.SEARCH_WARM, true, () -> OneAtATime.direct(elasticsearch.url(),
                requests, ONE_AT_A_TIME_ROUNDS));
        log.line("one at a time again, after the load: Elasticsearch took p50 %.0f ms p99 %.0f ms",
                results.directWarm.took().p50(), results.directWarm.took().p99());
        results.suggestWarm = timer.measure(Phases.SUGGEST_WARM, true, () -> OneAtATime.suggest(searchUrl,
                mix.prefixes(), WARM_SUGGEST_ROUNDS, ONE_AT_A_TIME_ROUNDS));
        log.line("on a warm service (%,d more suggestions first): /api/suggest p50 %.1f ms p99 %.1f ms (took p50 "
                + "%.0f ms)", WARM_SUGGEST_ROUNDS * mix.prefixes().size(), results.suggestWarm.latency().p50(),
                results.suggestWarm.latency().p99(), results.suggestWarm.took().p50());
    }

    /** The search phase's requests, for the same searches again after a rebuild; null if it failed. */
    List<List<CapturedSearches.Captured>> captured() {
        return captured;
    }

    private static SearchLoad.Stretch merge(SearchLoad.Stretch sum, SearchLoad.Stretch more) {
        if (sum == null) {
            return more;
        }
        sum.latencies().addAll(more.latencies());
        sum.serverMillis().addAll(more.serverMillis());
        return new SearchLoad.Stretch(sum.rate(), sum.sent() + more.sent(), sum.answeredInTime()
                + more.answeredInTime(), sum.latencies(), sum.serverMillis());
    }
}
