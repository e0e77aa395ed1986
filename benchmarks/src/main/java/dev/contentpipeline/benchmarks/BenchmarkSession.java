package dev.contentpipeline.benchmarks;

import dev.contentpipeline.localstack.LocalStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run's phases against one local stack and one set of services, in order: the baseline, end to end, the
 * backlog, freshness, search. Each phase is wrapped in CPU snapshots (and so in a profile window).
 */
final class BenchmarkSession {

    static final String ARTICLES_TOPIC = "content.articles";
    static final String ARTICLES_ALIAS = "articles";
    static final String RAW_INDEX = "bench-raw-articles";
    static final Duration SETTLE = Duration.ofSeconds(20);

    private final BenchmarkOptions options;
    private final Results results;
    private final Log log;
    private final LocalStack stack;
    private final Path stackDir;
    private final Path logDir;
    private final SyntheticCorpus corpus;
    private final byte[][] json;
    private final Elasticsearch elasticsearch;
    private final ResourceUsage usage;
    private final Map<String, Long> profiled = new LinkedHashMap<>();
    private String indexerUrl;

    BenchmarkSession(BenchmarkOptions options, Results results, Log log, LocalStack stack, Path stackDir, Path logDir,
                     SyntheticCorpus corpus, byte[][] json) {
        this.options = options;
        this.results = results;
        this.usage = results.usage;
        this.log = log;
        this.stack = stack;
        this.stackDir = stackDir;
        this.logDir = logDir;
        this.corpus = corpus;
        this.json = json;
        this.elasticsearch = new Elasticsearch(stack.elasticsearchUrl());
        Http.reach(stack.elasticsearch().access());
    }

    void run() throws IOException {
        usage.track("benchmark", ProcessHandle.current().pid());
        long kafkaPid = pidIn(stackDir.resolve("kafka/broker.pid"));
        long elasticsearchPid = pidIn(stackDir.resolve("elasticsearch/tmp/elasticsearch.pid"));
        usage.track("kafka", kafkaPid);
        usage.track("elasticsearch", elasticsearchPid);

        log.phase("services");
        PipelineServices services = new PipelineServices(stack, logDir, options.profile());
        List<PipelineServices.Running> running = new ArrayList<>();
        try {
            running.add(services.startIngest(options.ingestJar()));
            running.add(services.startIndex("index-service", options.indexJar(), ARTICLES_TOPIC, ARTICLES_ALIAS,
                    "index-service"));
            running.add(services.startSearch(options.searchJar()));
            for (PipelineServices.Running service : running) {
                services.awaitHealthy(service);
                usage.track(service.name(), service.pid());
                log.line("%s healthy at %s (pid %d)", service.name(), service.url(), service.pid());
            }
            indexerUrl = running.get(1).url();
            if (options.profile()) {
                startProfiling("kafka", kafkaPid);
                startProfiling("elasticsearch", elasticsearchPid);
            }
            results.refreshInterval = elasticsearch.setting(elasticsearch.indexBehind(ARTICLES_ALIAS),
                    "index.refresh_interval");
            PhaseRunner phases = new PhaseRunner(options, results, log, elasticsearch, corpus, json, indexerUrl,
                    this::measured);
            IngestLoad ingest = new IngestLoad(running.get(0).url(), services.apiKey());
            attempt("raw bulk", () -> phases.raw(RAW_INDEX));
            attempt("end to end", () -> phases.endToEnd(ingest, ARTICLES_ALIAS));
            attempt("backlog", () -> phases.backlog(services, stack.kafkaBootstrapServers(), usage));
            attempt("freshness", () -> phases.freshness(ingest, ARTICLES_ALIAS));
            attempt("search", () -> phases.search(running.get(2).url(), services.log("search-service"),
                    ARTICLES_ALIAS));
            usage.snapshot();
            for (PipelineServices.Running service : running) {
                results.heaps.put(service.name(), Heap.describe(service.pid(), log));
                usage.learnThreadNames(service.name(), service.pid(), log);
            }
            usage.learnThreadNames("kafka", kafkaPid, log);
            usage.learnThreadNames("elasticsearch", elasticsearchPid, log);
            if (options.profile()) {
                dumpProfiles();
            }
            // The figures of the main run, before the curve's larger corpora raise the peaks.
            results.processes = usage.lastSeen();
            // After the peaks are taken: the rebuild's replay runs inside index-service.
            attempt("rebuild", () -> new RebuildPhase(results, log, elasticsearch, this::measured)
                    .run(indexerUrl, services.apiKey(), phases.captured()));
            CostCurve curve = new CostCurve(services, options.indexJar(), stack.kafkaBootstrapServers(),
                    elasticsearch, corpus, running.get(2).url(), services.log("search-service"), log);
            for (int docs : options.curve()) {
                attempt("cost curve at " + docs + " articles", () -> results.curve.add(curve.measure(docs)));
            }
        } finally {
            if (results.processes.isEmpty()) {
                results.processes = usage.lastSeen();
            }
            log.phase("stopping the services");
            running.forEach(service -> service.process().stop());
        }
        if (options.profile()) {
            summariseProfiles(services);
        }
    }

    /**
     * Runs a phase; a failure (a timeout on an overloaded machine, say) is noted in the report, and the run goes on
     * with the next phase, whose figures stand on their own.
     */
    private void attempt(String phase, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            log.line("%s FAILED: %s", phase, e.getMessage());
            results.notes.add("The " + phase + " phase failed, so its figures are missing: " + e.getMessage());
            keepBrokerLog(phase);
        }
    }

    /** The broker's log so far, beside the services' logs: the stack's own folder goes when the run ends. */
    private void keepBrokerLog(String phase) {
        Path kept = logDir.resolve("broker-after-" + phase.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        try {
            Files.copy(stackDir.resolve("kafka/broker.log"), kept, StandardCopyOption.REPLACE_EXISTING);
            log.line("the broker's log kept in %s", kept);
        } catch (IOException e) {
            log.line("could not keep the broker's log: %s", e.getMessage());
        }
    }

    /** Runs a phase between two CPU snapshots, as a window of the profiles. */
    private <T> T measured(String phase, boolean settleFirst, Supplier<T> body) {
        if (settleFirst) {
            elasticsearch.awaitStableCount(ARTICLES_ALIAS, Duration.ofSeconds(1), SETTLE);
            if (indexerUrl != null) {
                IndexerMetrics.awaitNoMergeDue(indexerUrl, PhaseRunner.SEARCH_SETTLE);
            }
            elasticsearch.awaitNoMerges(SETTLE);
        }
        IndexerMetrics.Totals indexerBefore = indexerUrl == null ? null : IndexerMetrics.read(indexerUrl);
        ResourceUsage.Snapshot before = usage.snapshot();
        Instant from = Instant.now();
        T result = body.get();
        Instant to = Instant.now();
        ResourceUsage.Phase phaseUsage = ResourceUsage.between(phase, before, usage.snapshot());
        results.windows.add(new Results.Window(phase, from, to, phaseUsage));
        IndexerMetrics.Totals indexerAfter = indexerUrl == null ? null : IndexerMetrics.read(indexerUrl);
        if (indexerBefore != null && indexerAfter != null) {
            results.indexer.putIfAbsent(phase, indexerAfter.minus(indexerBefore));
        }
        return result;
    }

    private void startProfiling(String name, long pid) {
        try {
            if (Profiles.start(pid, Profiles.settingsIn(serverFolder(name)), log)) {
                profiled.put(name, pid);
            }
        } catch (IOException e) {
            log.line("could not profile %s: %s", name, e.getMessage());
        }
    }

    /** Where a server's own user may read and write (Elasticsearch runs as another user under root). */
    private Path serverFolder(String name) {
        return name.equals("elasticsearch") ? stackDir.resolve("elasticsearch/tmp") : stackDir.resolve("kafka");
    }

    /** Writes the recordings of the servers (the services write theirs when they stop) into the log folder. */
    private void dumpProfiles() throws IOException {
        for (Map.Entry<String, Long> server : profiled.entrySet()) {
            Path file = serverFolder(server.getKey()).resolve("benchmark.jfr");
            if (Profiles.dump(server.getValue(), file, log) && Files.exists(file)) {
                Files.copy(file, logDir.resolve(server.getKey() + ".jfr"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void summariseProfiles(PipelineServices services) {
        log.phase("profiles");
        for (String process : List.of("ingest-service", "index-service", "index-service-backlog", "search-service",
                "elasticsearch", "kafka")) {
            Path recording = services.jfrFile(process);
            if (!Files.exists(recording)) {
                log.line("no recording of %s", process);
                continue;
            }
            try {
                Profiles.summarise(recording, results.windows, 8).forEach((phase, summary) -> results.profiles
                        .computeIfAbsent(phase, p -> new LinkedHashMap<>()).put(process, summary));
                log.line("read %s (%,d KB)", recording.getFileName(), Files.size(recording) / 1024);
            } catch (IOException | RuntimeException e) {
                log.line("could not read %s: %s", recording, e.getMessage());
            }
        }
    }

    private static long pidIn(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }
}
