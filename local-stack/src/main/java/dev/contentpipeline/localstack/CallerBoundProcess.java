package dev.contentpipeline.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server started through caller-watchdog.sh: a bash process that stops the server when asked (SIGTERM), and
 * also when this JVM disappears without running its shutdown hooks.
 */
final class CallerBoundProcess {

    static final Duration GRACE = Duration.ofSeconds(30);

    private static final String WATCHDOG_SCRIPT = readScript();

    private final Process watchdog;
    private final Path pidFile;
    private final Path output;

    private CallerBoundProcess(Process watchdog, Path pidFile, Path output) {
        this.watchdog = watchdog;
        this.pidFile = pidFile;
        this.output = output;
    }

    /**
     * @param pidFile where the server's pid is found: written by the server itself when serverWritesPidFile,
     * otherwise by the watchdog
     * @param output appended with the server's stdout and stderr
     */
    static CallerBoundProcess start(List<String> command, Map<String, String> environment, Path output,
            Path pidFile, boolean serverWritesPidFile) {
        return start(ProcessHandle.current().pid(), command, environment, output, pidFile, serverWritesPidFile);
    }

    /** Like {@link #start(List, Map, Path, Path, boolean)}, bound to another process than this JVM. */
    static CallerBoundProcess start(long callerPid, List<String> command, Map<String, String> environment,
            Path output, Path pidFile, boolean serverWritesPidFile) {
        // setsid: Ctrl-C in a terminal reaches this JVM only, whose shutdown hooks stop things in order.
        List<String> wrapped = new ArrayList<>(List.of("setsid", "bash", "-c", WATCHDOG_SCRIPT, "caller-watchdog",
                Long.toString(callerPid), pidFile.toString(),
                Boolean.toString(serverWritesPidFile), Long.toString(GRACE.toSeconds())));
        wrapped.addAll(command);
        try {
            Files.deleteIfExists(pidFile);
            ProcessBuilder builder = new ProcessBuilder(wrapped).directory(output.getParent().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new CallerBoundProcess(builder.start(), pidFile, output);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + command, ex);
        }
    }

    boolean isAlive() {
        return this.watchdog.isAlive();
    }

    int exitCode() {
        return this.watchdog.exitValue();
    }

    Path output() {
        return this.output;
    }

    OptionalLong serverPid() {
        try {
            String pid = Files.readString(this.pidFile).strip();
            return pid.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid));
        }
        catch (IOException | NumberFormatException ex) {
            return OptionalLong.empty();
        }
    }

    /** The watchdog, the server and everything in between, as they are now. */
    List<ProcessHandle> processTree() {
        return Stream.concat(Stream.of(this.watchdog.toHandle()), this.watchdog.descendants()).toList();
    }

    /** Stops the server gracefully, forcibly after {@link #GRACE}, and returns once it is gone. */
    void stop() {
        List<ProcessHandle> tree = processTree();
        this.watchdog.destroy();
        try {
            if (!this.watchdog.waitFor(GRACE.plusSeconds(10).toSeconds(), TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
            }
            for (ProcessHandle process : tree) {
                process.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        catch (Exception ex) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Kills the server with SIGKILL, as a crash would, and returns once it and its watchdog are gone. */
    void kill() {
        List<ProcessHandle> tree = processTree();
        serverPid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        tree.stream().filter(p -> p.pid() != this.watchdog.pid()).forEach(ProcessHandle::destroyForcibly);
        try {
            for (ProcessHandle process : tree) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (Exception ex) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String readScript() {
        try (InputStream in = CallerBoundProcess.class.getResourceAsStream("caller-watchdog.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
