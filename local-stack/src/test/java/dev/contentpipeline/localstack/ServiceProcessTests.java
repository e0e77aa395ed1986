package dev.contentpipeline.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTests {

    @Test
    void anExperimentsJvmOptionsComeAfterTheServicesOwnAndWinOverThem() throws Exception {
        List<String> command = ServiceProcess.command(
                ServiceProcess.ownCommand(Path.of("index-service-0.1.0-SNAPSHOT-exec.jar")), List.of("-Xms96m"),
                List.of("-XX:+PrintFlagsFinal", "-version"));

        // Every service's -Xms32m, index-service's own -Xmx96m, then the experiment's.
        assertThat(command).containsSubsequence("-Xms32m", "-Xmx96m", "-Xms96m", "-XX:+PrintFlagsFinal", "-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).containsPattern("InitialHeapSize\\s+=\\s+" + 96 * 1024 * 1024 + "\\s");
    }

    @Test
    void withoutAnExperimentAServiceRunsWithItsOwnOptions() {
        List<String> command = ServiceProcess.command(
                ServiceProcess.ownCommand(Path.of("search-service-0.1.0-SNAPSHOT-exec.jar")), List.of(),
                List.of("-jar", "search-service.jar"));

        assertThat(command).containsSubsequence("-Xms32m", "-XX:TieredStopAtLevel=1", "-jar", "search-service.jar");
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("-jar", "search-service.jar");
    }
}
