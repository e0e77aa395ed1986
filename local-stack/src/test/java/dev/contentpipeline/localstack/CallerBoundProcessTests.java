package dev.contentpipeline.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallerBoundProcessTests {

    @TempDir
    Path directory;

    @Test
    void serverIsStoppedWhenTheProcessThatStartedItIsKilled() throws IOException {
        Process caller = new ProcessBuilder("sleep", "600").start();
        CallerBoundProcess server = CallerBoundProcess.start(caller.pid(), List.of("sleep", "600"), Map.of(),
                this.directory.resolve("server.log"), this.directory.resolve("server.pid"), false);
        ProcessHandle sleeper = awaitServer(server);

        caller.destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> !sleeper.isAlive() && !server.isAlive());
        assertThat(this.directory.resolve("server.log")).content().contains("is gone, stopping the server");
    }

    @Test
    void stopEndsTheServerNamedByItsOwnPidFileAndEverythingInBetween() {
        // Like runuser in front of Elasticsearch: the server is a grandchild that writes its own pid file.
        Path pidFile = this.directory.resolve("server.pid");
        CallerBoundProcess server = CallerBoundProcess.start(
                List.of("bash", "-c", "sleep 600 & echo $! > " + pidFile + "; wait"), Map.of(),
                this.directory.resolve("server.log"), pidFile, true);
        ProcessHandle sleeper = awaitServer(server);
        List<ProcessHandle> tree = server.processTree();
        assertThat(tree).contains(sleeper).hasSizeGreaterThanOrEqualTo(3);

        server.stop();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(sleeper.isAlive()).isFalse();
    }

    @Test
    void stopEndsOrphansWhenThePidFileWasNeverWritten() {
        CallerBoundProcess server = CallerBoundProcess.start(List.of("bash", "-c", "sleep 600 & wait"), Map.of(),
                this.directory.resolve("server.log"), this.directory.resolve("server.pid"), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> server.processTree().size() >= 3);
        List<ProcessHandle> tree = server.processTree();

        server.stop();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void serverThatExitsOnItsOwnEndsTheWatchdogWithItsExitCode() {
        CallerBoundProcess server = CallerBoundProcess.start(List.of("bash", "-c", "exit 3"), Map.of(),
                this.directory.resolve("server.log"), this.directory.resolve("server.pid"), false);

        await().atMost(Duration.ofSeconds(10)).until(() -> !server.isAlive());
        assertThat(server.exitCode()).isEqualTo(3);
    }

    private static ProcessHandle awaitServer(CallerBoundProcess server) {
        await().atMost(Duration.ofSeconds(10))
            .until(() -> server.serverPid().stream().mapToObj(ProcessHandle::of).anyMatch((p) -> p.isPresent()));
        return ProcessHandle.of(server.serverPid().getAsLong()).orElseThrow();
    }
}
