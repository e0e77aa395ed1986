package dev.contentpipeline.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTests {

    @Test
    void everyGoalOfTheIssueIsListedAndWhatWasNotMeasuredIsMissed() {
        List<Targets.Target> targets = Targets.check(results());

        assertThat(targets).extracting(Targets.Target::name).contains(
                "Elasticsearch took p50, one search at a time, warm",
                "Elasticsearch took p99, one search at a time, warm",
                "search-service sustained rate, p99 <= 150 ms", "/api/suggest p50, one at a time, warm",
                "ingest-service CPU per PUT at 100 PUT/s", "Kafka CPU per record at 100 PUT/s",
                "index-service CPU per document, backlog drain", "index-service's first write after its JVM start",
                "pipeline CPU per document end to end (ingest, Kafka, index)", "end to end / raw bulk",
                "backlog drain / raw bulk");
        assertThat(targets).filteredOn(t -> t.measured().equals("not measured")).isNotEmpty()
                .noneMatch(Targets.Target::met);
    }

    @Test
    void cpuPerPutIsTheFreshnessStepsCpuOverItsAcknowledgedPuts() {
        Results results = results();
        results.freshness.add(new FreshnessProbe.Step(100, 2_000, 2_000, 2_000, new Latencies(), new Latencies()));
        results.windows.add(new Results.Window(Phases.freshness(100), null, null, new ResourceUsage.Phase(
                Phases.freshness(100), 20, Map.of("ingest-service", 1.0, "kafka", 2.0), 3)));

        List<Targets.Target> targets = Targets.check(results);

        assertThat(target(targets, "ingest-service CPU per PUT at 100 PUT/s").measured()).startsWith("0.50 ms");
        assertThat(target(targets, "ingest-service CPU per PUT at 100 PUT/s").met()).isTrue();
        assertThat(target(targets, "Kafka CPU per record at 100 PUT/s").measured()).startsWith("1.00 ms");
        assertThat(target(targets, "Kafka CPU per record at 100 PUT/s").met()).isFalse();
    }

    @Test
    void cpuPerPutIsJudgedOnTheStepAfterTheFirstSinglePutsWhoseFigureIsGivenBeside() {
        Results results = results();
        results.freshnessFirst = new FreshnessProbe.Step(100, 2_000, 2_000, 2_000, new Latencies(), new Latencies());
        results.windows.add(new Results.Window(Phases.freshnessFirst(100), null, null, new ResourceUsage.Phase(
                Phases.freshnessFirst(100), 20, Map.of("ingest-service", 2.8, "kafka", 1.2), 3)));
        results.freshness.add(new FreshnessProbe.Step(100, 2_000, 2_000, 2_000, new Latencies(), new Latencies()));
        results.windows.add(new Results.Window(Phases.freshness(100), null, null, new ResourceUsage.Phase(
                Phases.freshness(100), 20, Map.of("ingest-service", 1.8, "kafka", 0.9), 3)));

        List<Targets.Target> targets = Targets.check(results);

        Targets.Target ingest = target(targets, "ingest-service CPU per PUT at 100 PUT/s");
        assertThat(ingest.measured()).isEqualTo(
                "0.90 ms (2,000 acknowledged PUTs; the 2,000 single PUTs before them, the service's first: 1.40 ms)");
        assertThat(ingest.met()).isTrue();
        assertThat(target(targets, "Kafka CPU per record at 100 PUT/s").measured()).startsWith("0.45 ms")
                .endsWith("0.60 ms)");
        assertThat(targets).extracting(Targets.Target::name).doesNotContain("freshness p99 at 100 PUT/s, first");
    }

    @Test
    void theFirstWriteIsJudgedOnTheStartWithoutTheProfilerWhoseProfiledFigureIsGivenBeside() {
        Results results = results();
        results.firstWriteSeconds = 5.3;
        results.firstWriteUnprofiledSeconds = 4.6;

        Targets.Target first = target(Targets.check(results), "index-service's first write after its JVM start");

        assertThat(first.measured()).isEqualTo(
                "4.6 s (a start without the profiler; the profiled backlog indexer's: 5.3 s)");
        assertThat(first.met()).isTrue();
    }

    @Test
    void withoutProfilingTheFirstWriteIsTheBacklogIndexers() {
        Results results = results();
        results.firstWriteSeconds = 5.3;

        Targets.Target first = target(Targets.check(results), "index-service's first write after its JVM start");

        assertThat(first.measured()).isEqualTo("5.3 s");
        assertThat(first.met()).isFalse();
    }

    @Test
    void peakRssIsComparedWithoutTheProfilersShare() {
        Results results = results();
        results.processes.put("ingest-service", new ResourceUsage.Process(10, 320, 300));
        results.heaps.put("ingest-service", new Heap.Memory("", 30));

        Targets.Target rss = target(Targets.check(results), "peak RSS of ingest-service, profiler excluded");

        assertThat(rss.measured()).isEqualTo("290 MB (320 MB with the profiler's 30 MB)");
        assertThat(rss.met()).isTrue();
    }

    @Test
    void freshnessGoalsAreOneAndAHalfSecondsAt100AndTwoAndAHalfAbove() {
        assertThat(Targets.freshnessGoal(100)).isEqualTo(1.5);
        assertThat(Targets.freshnessGoal(500)).isEqualTo(2.5);
    }

    @Test
    void suggestionsAreJudgedOnAWarmServiceWithTheFigureJustAfterStartUpBesideIt() {
        Results results = results();
        results.suggest = measured(12);
        results.suggestWarm = measured(3);

        Targets.Target suggest = target(Targets.check(results), "/api/suggest p50, one at a time, warm");

        assertThat(suggest.measured()).startsWith("3.0 ms").contains("just after start-up 12.0 ms");
        assertThat(suggest.met()).isTrue();
    }

    @Test
    void searchesAreJudgedOnAWarmElasticsearchWithTheFirstSearchesBesideThem() {
        Results results = results();
        results.capturedRequests = List.of(2, 2);
        results.directOneAtATime = measured(20, 14);
        results.directWarm = measured(12, 9);

        List<Targets.Target> targets = Targets.check(results);
        Targets.Target p50 = target(targets, "Elasticsearch took p50, one search at a time, warm");
        Targets.Target p99 = target(targets, "Elasticsearch took p99, one search at a time, warm");

        assertThat(p50.measured()).startsWith("9 ms").contains("the first searches 14 ms");
        assertThat(p50.met()).isTrue();
        assertThat(p99.measured()).isEqualTo("9 ms (the first searches 14 ms)");
        assertThat(p99.met()).isTrue();
    }

    @Test
    void theSustainedRateIsTriedAtTheGoalsRateToo() {
        assertThat(SearchLoad.rates(20, Targets.SUSTAINED_QPS)).startsWith(20, 30, 45, 60, 68, 101);
        assertThat(SearchLoad.rates(20, 45)).startsWith(20, 30, 45, 68).doesNotHaveDuplicates();
        assertThat(SearchLoad.rates(20, 10)).startsWith(20, 30);
    }

    private static OneAtATime.Measured measured(long millis) {
        return measured(millis, 1);
    }

    private static OneAtATime.Measured measured(long millis, long tookMillis) {
        return new OneAtATime.Measured(10, MadeUpRuns.latencies(millis), MadeUpRuns.latencies(tookMillis));
    }

    private static Targets.Target target(List<Targets.Target> targets, String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static Results results() {
        return MadeUpRuns.results();
    }
}
