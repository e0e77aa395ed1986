package dev.contentpipeline.benchmarks;

import dev.contentpipeline.localstack.LocalStack;
import dev.contentpipeline.localstack.LocalStackOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue #7's benchmark: in one run on one machine, the corpus into Elasticsearch directly (the baseline), then
 * through the pipeline (ingest, Kafka, index), as a backlog drained by the indexer, plus freshness, search and
 * each process's CPU and memory; every speed as a ratio to the baseline of the same run. Writes a Markdown report
 * and a PNG chart, and prints which targets were met.
 *
 * <pre>benchmarks/run [--docs=50000] ...</pre> (see {@link BenchmarkOptions#USAGE})
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Results results = run(options, String.join(" ", args), new Log());
            List<Targets.Target> targets = Targets.check(results);
            Path report = new ResultsReport(results, targets).write(options.out().resolve("latest.md"));
            Path chart = ResultsChart.write(results, targets, options.out().resolve("latest.png"));
            System.out.println();
            targets.forEach(t -> System.out.printf(Locale.ROOT, "%-7s %-36s %s (target %s)%n", t.verdict(), t.name(),
                    t.measured(), t.goal()));
            System.out.println();
            System.out.println("Report: " + report);
            System.out.println("Chart:  " + chart);
            System.exit(0);
        } catch (RuntimeException | IOException e) {
            System.err.println();
            System.err.println("The benchmark failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    static Results run(BenchmarkOptions options, String arguments, Log log) throws IOException {
        Results results = new Results();
        results.options = options;
        results.arguments = arguments;
        results.started = Instant.now();
        results.machine = Machine.describe();
        log.phase("corpus");
        SyntheticCorpus corpus = new SyntheticCorpus(options.seed());
        byte[][] json = corpus.jsonOfFirst("art-", options.docs());
        results.corpusMegabytes = Arrays.stream(json).mapToLong(b -> b.length).sum() / 1e6;
        log.line("%,d articles, %.0f MB of JSON (%.1f KB on average)", json.length, results.corpusMegabytes,
                results.corpusMegabytes * 1000 / json.length);

        // Outside target/: a build in the same checkout (mvn clean) must not remove the logs of a running benchmark.
        Path logDir = Files.createTempDirectory("pipeline-benchmark-");
        log.line("service logs and recordings in %s", logDir);
        for (Path jar : List.of(options.ingestJar(), options.indexJar(), options.searchJar())) {
            Files.copy(jar, logDir.resolve(jar.getFileName()));
        }
        options = options.withJarsIn(logDir);
        results.options = options;
        log.phase("local stack");
        LocalStackOptions stackOptions = LocalStackOptions.forTests();
        try (LocalStack stack = LocalStack.start(stackOptions)) {
            new BenchmarkSession(options, results, log, stack, stackOptions.workDir(), logDir, corpus, json).run();
        } finally {
            for (Path jar : List.of(options.ingestJar(), options.indexJar(), options.searchJar())) {
                Files.deleteIfExists(jar);
            }
        }
        results.finished = Instant.now();
        return results;
    }
}
