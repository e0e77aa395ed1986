package dev.contentpipeline.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One local stack for a whole {@code mvn verify}: Maven starts it while it builds local-stack (exec-maven-plugin,
 * asynchronously) and the test JVMs of the modules after it use it instead of each starting a broker and an
 * Elasticsearch of their own, half a minute of a two-core machine each. It announces itself in a state file:
 * its pid at once, then the servers' settings once both are ready. It stops with the Maven JVM that started it,
 * even when that one is killed, and its servers stop with it ({@link CallerBoundProcess}).
 * <p>
 * The modules' tests keep to their own topics, indices and users, so sharing the servers changes nothing they
 * check; the end-to-end tests that stop and restart the servers still start a stack of their own, and stop this one
 * before they begin ({@code BuildStack --stop}): idle, it took about 4 % of the machine for their twelve minutes.
 */
public final class BuildStack {

    private static final System.Logger log = System.getLogger(BuildStack.class.getName());

    /** The longest a test JVM waits for the build's stack to become ready before it starts its own. */
    static final Duration WAIT = Duration.ofSeconds(240);

    private static final String PID = "pid";
    private static final String STARTED = "started";
    private static final String STATE = "state";
    private static final String STARTING = "starting";
    private static final String READY = "ready";
    private static final String FAILED = "failed";

    private BuildStack() {
    }

    /** The time a stop waits for the stack's process to finish: its servers' own shutdown, a few seconds. */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    /** @param args the state file to write; or {@code --stop} and the state file of a stack to stop */
    public static void main(String[] args) throws InterruptedException {
        if (args.length == 2 && args[0].equals("--stop")) {
            stop(Path.of(args[1]).toAbsolutePath());
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: BuildStack <state file> | BuildStack --stop <state file>");
            System.exit(2);
        }
        Path stateFile = Path.of(args[0]).toAbsolutePath();
        for (String chosen : new String[] {Infrastructure.KAFKA_SETTING, Infrastructure.INFRASTRUCTURE_SETTING}) {
            if (System.getenv(chosen) != null && !System.getenv(chosen).isBlank()) {
                System.out.println("No local stack for this build: " + chosen + " chooses the tests' servers");
                delete(stateFile);
                return;
            }
        }
        Properties state = new Properties();
        state.setProperty(PID, Long.toString(ProcessHandle.current().pid()));
        startedAt(ProcessHandle.current()).ifPresent(started -> state.setProperty(STARTED, started));
        state.setProperty(STATE, STARTING);
        write(stateFile, state);
        ShutdownSequence.add(() -> delete(stateFile));
        exitWithParent();
        try {
            LocalStack stack = LocalStack.start(LocalStackOptions.forTests());
            ShutdownSequence.add(stack::close);
            ElasticsearchAccess elasticsearch = stack.elasticsearch().access();
            state.setProperty(STATE, READY);
            state.setProperty(Infrastructure.KAFKA_SETTING, stack.kafkaBootstrapServers());
            state.setProperty(Infrastructure.ELASTICSEARCH_SETTING, stack.elasticsearchUrl());
            state.setProperty(Infrastructure.ELASTICSEARCH_PASSWORD_SETTING, elasticsearch.operator().password());
            state.setProperty(Infrastructure.ELASTICSEARCH_CONFIG_SETTING,
                    FileRealmUsers.configFolder(elasticsearch).toString());
            write(stateFile, state);
        }
        catch (RuntimeException ex) {
            state.setProperty(STATE, FAILED);
            state.setProperty("failure", String.valueOf(ex.getMessage()));
            write(stateFile, state);
            log.log(System.Logger.Level.ERROR, "The local stack of this build did not start; the tests of each "
                    + "module will start their own", ex);
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    /**
     * The settings of the build's stack that the state file names, once it is ready; empty when there is no such
     * file, its process is gone, it failed, or it is not ready within {@link #WAIT}: the caller then starts a stack
     * of its own.
     */
    static Optional<Properties> awaitReady(Path stateFile) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<Properties> state = read(stateFile);
            if (state.isEmpty() || !alive(state.get())) {
                return Optional.empty();
            }
            String current = state.get().getProperty(STATE);
            if (READY.equals(current)) {
                return state;
            }
            if (!STARTING.equals(current)) {
                log.log(System.Logger.Level.WARNING, "The local stack of this build failed ({0}); starting one for "
                        + "this JVM", state.get().getProperty("failure"));
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                log.log(System.Logger.Level.WARNING, "The local stack of this build was not ready within {0} s; "
                        + "starting one for this JVM", WAIT.toSeconds());
                return Optional.empty();
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * Stops the stack the state file names, if its process still runs (SIGTERM: its shutdown stops the servers and
     * deletes the file), and waits up to {@link #STOP_WAIT} for it to end. Nothing to do without a live stack.
     */
    static void stop(Path stateFile) throws InterruptedException {
        Optional<ProcessHandle> process = read(stateFile).flatMap(BuildStack::process);
        if (process.isEmpty()) {
            System.out.println("No local stack of this build runs (" + stateFile + ")");
            return;
        }
        long started = System.nanoTime();
        process.get().destroy();
        try {
            process.get().onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            System.out.printf("Stopped the local stack of this build in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        catch (ExecutionException | TimeoutException ex) {
            System.out.println("The local stack of this build (pid " + process.get().pid() + ") did not stop within "
                    + STOP_WAIT.toSeconds() + " s; it stops when Maven exits");
        }
    }

    /** Whether the state file's process still runs: the same pid, started at the same instant (not a reused pid). */
    private static boolean alive(Properties state) {
        return process(state).isPresent();
    }

    /** The state file's process if it still runs: the same pid, started at the same instant. */
    private static Optional<ProcessHandle> process(Properties state) {
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(state.getProperty(PID, "")));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
        String started = state.getProperty(STARTED);
        return process.filter(ProcessHandle::isAlive)
                .filter(handle -> started == null || startedAt(handle).map(started::equals).orElse(true));
    }

    private static Optional<String> startedAt(ProcessHandle process) {
        return process.info().startInstant().map(instant -> Long.toString(instant.toEpochMilli()));
    }

    /** Maven stops an asynchronous exec when it exits normally; this covers a Maven that was killed. */
    private static void exitWithParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) {
            return;
        }
        Thread watcher = new Thread(() -> {
            parent.get().onExit().join();
            System.exit(0);
        }, "build-stack-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static Optional<Properties> read(Path stateFile) {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
            state.load(in);
            return Optional.of(state);
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Written aside and moved into place, so that a reader never sees half a file. */
    static void write(Path stateFile, Properties state) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
            state.store(content, "the build's local stack (BuildStack)");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        WholeFiles.replace(stateFile, content.toByteArray());
    }

    private static void delete(Path stateFile) {
        try {
            Files.deleteIfExists(stateFile);
        }
        catch (IOException ex) {
            log.log(System.Logger.Level.WARNING, "Could not delete " + stateFile, ex);
        }
    }
}
