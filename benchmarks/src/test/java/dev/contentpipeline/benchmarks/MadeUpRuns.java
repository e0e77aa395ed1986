package dev.contentpipeline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Figures made up for the tests of what a run's results become: options, and latencies that are all one value. */
final class MadeUpRuns {

    private MadeUpRuns() {
    }

    /** A run of 2,000 documents (seed 7) with a 1 s refresh interval, nothing measured yet. */
    static Results results() {
        Results results = new Results();
        results.options = new BenchmarkOptions(2_000, 200, 7, List.of(100, 500), Duration.ofSeconds(20), 20,
                Duration.ofSeconds(16), Duration.ofSeconds(4), Duration.ofMillis(150), false, List.of(), Path.of("."),
                Path.of("out"), Path.of("a.jar"), Path.of("b.jar"), Path.of("c.jar"));
        results.refreshInterval = "1s";
        return results;
    }

    /** Ten latencies of {@code millis} each. */
    static Latencies latencies(long millis) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 10; i++) {
            latencies.add(millis * 1_000_000L);
        }
        return latencies;
    }
}
