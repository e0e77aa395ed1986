package dev.contentpipeline.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResourceUsageTests {

    @Test
    void splitsAPhasesCpuByThreadPoolWithTheJvmsNames() {
        ResourceUsage usage = new ResourceUsage();
        usage.knowThreadNames("ingest-service", Map.of(1L, "http-nio-38123-exec-1", 2L, "http-nio-38123-exec-2",
                3L, "http-nio-38123-Poller", 4L, "kafka-producer-network-thread | ingest-producer-1"));
        ResourceUsage.Phase phase = new ResourceUsage.Phase("freshness 100/s", 20, Map.of("ingest-service", 5.0),
                Map.of("ingest-service", Map.of(
                        1L, new ResourceUsage.ThreadTime("http-nio-38123-", 1.0),
                        2L, new ResourceUsage.ThreadTime("http-nio-38123-", 1.0),
                        3L, new ResourceUsage.ThreadTime("http-nio-38123-", 0.5),
                        // ended before the names were read: /proc's 15 characters, the larger pool's
                        9L, new ResourceUsage.ThreadTime("http-nio-38123-", 1.0),
                        4L, new ResourceUsage.ThreadTime("kafka-producer-", 0.5),
                        7L, new ResourceUsage.ThreadTime("JFR Thread Samp", 0.25),
                        8L, new ResourceUsage.ThreadTime("C1 CompilerThre", 0.0))), 6.0);

        List<Map.Entry<String, Double>> threads = usage.byThread(phase, "ingest-service");

        assertThat(threads).extracting(Map.Entry::getKey).containsExactly("http-nio-N-exec-N",
                "threads that ended in the phase", "http-nio-N-Poller",
                "kafka-producer-network-thread | ingest-producer-N", "JFR Thread Samp");
        assertThat(threads.get(0).getValue()).isCloseTo(3.0, within(1e-9));
        assertThat(threads.get(1).getValue()).isCloseTo(0.75, within(1e-9));
        assertThat(usage.profilerSeconds(phase, "ingest-service")).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void withoutThreadsAPhaseHasNoSplit() {
        ResourceUsage usage = new ResourceUsage();
        ResourceUsage.Phase phase = new ResourceUsage.Phase("raw bulk", 10, Map.of("kafka", 1.0), 2.0);

        assertThat(usage.byThread(phase, "kafka")).isEmpty();
        assertThat(usage.profilerSeconds(phase, "kafka")).isZero();
    }
}
