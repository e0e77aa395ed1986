package dev.contentpipeline.endtoend;

import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.localstack.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started by the local stack runs from its extracted jar with the class-data archive its first start
 * made: started twice, the JVM maps the archive both times, and the second start makes no new one.
 */
class ClassDataSharingIntegrationTests {

    @Test
    void searchServiceRunsFromItsClassDataArchive() throws IOException {
        Path logs = Files.createTempDirectory("class-data-logs");
        Map<String, String> environment = RunningServices.as(PipelineService.SEARCH, Map.of());
        String first = mappedArchive(logs, "search-service-cds-1", environment);
        String second = mappedArchive(logs, "search-service-cds-2", environment);

        assertThat(first).contains("/class-data/search-service-").endsWith("/classes.jsa");
        assertThat(second).isEqualTo(first);
        assertThat(logs.resolve("search-service-cds-2-training.log")).doesNotExist();
        assertThat(logs.resolve("search-service-cds-2.log")).content().doesNotContain("[cds]");
    }

    /** Starts the service, waits until it is healthy, and returns the class-data archive its JVM has mapped. */
    private static String mappedArchive(Path logs, String name, Map<String, String> environment)
            throws IOException {
        ServiceProcess service = ServiceProcess.start(name, RunningServices.jar("search"), environment, logs);
        try {
            service.awaitHealthy(Duration.ofSeconds(120));
            long pid = service.pid().orElseThrow();
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps")).stream()
                    .filter(line -> line.endsWith(".jsa") && line.contains("/class-data/"))
                    .map(line -> line.substring(line.indexOf('/')))
                    .findFirst().orElse("none");
        } finally {
            service.stop();
        }
    }
}
