package dev.contentpipeline.benchmarks;

import dev.contentpipeline.localstack.PipelineService;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineServicesTests {

    @Test
    void anExperimentsJvmOptionsAreTheServicesOwnVariableSplitAtSpaces() {
        Map<String, String> environment = Map.of("BENCHMARK_JVM_OPTIONS_INDEX", " -Xms96m  -XX:+CITime ",
                "BENCHMARK_JVM_OPTIONS_SEARCH", " ");

        assertThat(PipelineServices.experimentOptions(PipelineService.INDEX, environment))
                .containsExactly("-Xms96m", "-XX:+CITime");
        assertThat(PipelineServices.experimentOptions(PipelineService.SEARCH, environment)).isEmpty();
        assertThat(PipelineServices.experimentOptions(PipelineService.INGEST, environment)).isEmpty();
    }
}
