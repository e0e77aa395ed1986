package dev.contentpipeline.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BuildStackTests {

    @TempDir
    Path folder;

    @Test
    void noStateFileMeansNoBuildStack() {
        assertThat(BuildStack.awaitReady(folder.resolve("state.properties"))).isEmpty();
    }

    @Test
    void aStateFileLeftByAProcessThatIsGoneIsIgnored() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path state = write(state(gone.pid(), "ready"));

        assertThat(BuildStack.awaitReady(state)).isEmpty();
    }

    @Test
    void aStateFileWhosePidWasReusedByAnotherProcessIsIgnored() throws Exception {
        Properties reused = state(ProcessHandle.current().pid(), "ready");
        reused.setProperty("started", "0");

        assertThat(BuildStack.awaitReady(write(reused))).isEmpty();
    }

    @Test
    void aStackThatFailedToStartIsIgnored() throws Exception {
        assertThat(BuildStack.awaitReady(write(state(ProcessHandle.current().pid(), "failed")))).isEmpty();
    }

    @Test
    void aStartingStackIsAwaitedUntilItIsReady() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path state = write(state(pid, "starting"));
        Properties ready = state(pid, "ready");
        ready.setProperty(Infrastructure.KAFKA_SETTING, "127.0.0.1:9092");

        CompletableFuture<Optional<Properties>> awaited = CompletableFuture.supplyAsync(
                () -> BuildStack.awaitReady(state));
        assertThat(awaited).isNotDone();
        write(ready);

        assertThat(awaited.get(10, TimeUnit.SECONDS)).get()
                .extracting(settings -> settings.getProperty(Infrastructure.KAFKA_SETTING))
                .isEqualTo("127.0.0.1:9092");
    }

    @Test
    void aStopWithoutAStackDoesNothing() throws Exception {
        BuildStack.stop(folder.resolve("state.properties"));

        assertThat(folder.resolve("state.properties")).doesNotExist();
    }

    @Test
    void aStopEndsTheProcessTheStateFileNames() throws Exception {
        Process stack = new ProcessBuilder("sleep", "120").start();
        try {
            BuildStack.stop(write(state(stack.pid(), "ready")));

            assertThat(stack.isAlive()).as("stopped").isFalse();
        } finally {
            stack.destroyForcibly();
        }
    }

    @Test
    void aStopLeavesAProcessThatOnlyReusedThePid() throws Exception {
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            Properties reused = state(other.pid(), "ready");
            reused.setProperty("started", "0");
            BuildStack.stop(write(reused));

            assertThat(other.isAlive()).as("left running").isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    private static Properties state(long pid, String state) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("state", state);
        ProcessHandle.of(pid).flatMap(process -> process.info().startInstant())
                .ifPresent(started -> properties.setProperty("started", Long.toString(started.toEpochMilli())));
        return properties;
    }

    private Path write(Properties properties) {
        Path state = folder.resolve("state.properties");
        BuildStack.write(state, properties);
        return state;
    }
}
