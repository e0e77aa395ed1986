package dev.contentpipeline.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report of a run, rendered from figures made up here: every section, and what a failed phase leaves. */
class ResultsReportTests {

    @Test
    void aRunWhoseBaselineAndSearchPhaseFailedSaysSoAndStillReportsTheRest(@TempDir Path dir) throws IOException {
        Results results = results();
        results.notes.add("the baseline failed: Elasticsearch refused the bulk request (made up here)");
        results.freshness.add(new FreshnessProbe.Step(100, 2_000, 1_990, 1_990, MadeUpRuns.latencies(900), MadeUpRuns.latencies(20)));
        results.windows.add(new Results.Window(Phases.freshness(100), null, null, new ResourceUsage.Phase(
                Phases.freshness(100), 20, Map.of("ingest-service", 3.0, "kafka", 1.8), 4)));

        String report = render(results, dir);

        assertThat(report).startsWith("# Benchmark: the pipeline side by side with raw Elasticsearch and Kafka")
                .contains("Corpus: 2,000 synthetic articles (seed 7)")
                .contains("- the baseline failed: Elasticsearch refused the bulk request (made up here)")
                .contains("Not measured: the baseline failed (see the notes above), so there is no ratio to give.")
                .contains("Not measured: the search phase failed (see the notes above).")
                .contains("| 100 | 2,000 | 1,990 | 1,990 | 0 | 900 ms | 900 ms | 20 ms | 20 ms |")
                .contains("| Kafka CPU per record at 100 PUT/s | 0.90 ms")
                .contains("## How it was measured")
                .doesNotContain("null");
        assertThat(report.lines().filter(line -> line.startsWith("## ")))
                .startsWith("## Targets", "## Throughput: documents per second until all are searchable",
                        "## Freshness: acknowledgement by ingest to searchable (refresh interval 1s)",
                        "## Search: the same queries through search-service and straight to Elasticsearch");
    }

    @Test
    void everyTargetIsARowWithItsVerdict(@TempDir Path dir) throws IOException {
        Results results = results();

        String report = render(results, dir);

        List<Targets.Target> targets = Targets.check(results);
        assertThat(targets).isNotEmpty();
        targets.forEach(t -> assertThat(report).contains("| " + t.name() + " | " + t.measured() + " | " + t.goal()
                + " | " + (t.met() ? "met" : "**missed**") + " |"));
    }

    private static String render(Results results, Path dir) throws IOException {
        Path file = new ResultsReport(results, Targets.check(results)).write(dir.resolve("results").resolve("latest.md"));
        return Files.readString(file);
    }

    /** A finished run whose phases measured nothing. */
    private static Results results() {
        Results results = MadeUpRuns.results();
        results.arguments = "--docs=2000";
        results.started = Instant.parse("2026-12-03T10:00:00Z");
        results.finished = Instant.parse("2026-12-03T10:09:30Z");
        results.machine = "2 cores, made up";
        results.corpusMegabytes = 10;
        results.ingestMode = "bulk";
        return results;
    }
}
