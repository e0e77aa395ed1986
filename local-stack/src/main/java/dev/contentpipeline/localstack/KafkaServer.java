package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in a child JVM, run from the classpath Maven
 * resolved when this module was built. The first start formats fresh storage; later starts keep the data.
 */
public final class KafkaServer implements AutoCloseable {

    private static final System.Logger log = System.getLogger(KafkaServer.class.getName());

    private static final String STARTED_MESSAGE = "Kafka Server started";

    private final Path directory;

    private final int port;

    private final int controllerPort;

    private final KafkaJvm jvm;

    private final Runnable stopAtShutdown = this::stop;

    private boolean formatted;

    private volatile CallerBoundProcess process;

    /**
     * @param directory where the broker keeps its configuration, data and log ({@code broker.log})
     * @param port the client port, or 0 for a free one
     */
    public KafkaServer(Path directory, int port) {
        this.directory = directory.toAbsolutePath();
        this.port = FreePorts.resolve(port);
        this.controllerPort = FreePorts.pick();
        this.jvm = new KafkaJvm(BuildTimeResources.kafkaClasspath(), this.directory);
    }

    /** Starts the broker and returns once it accepts clients; does nothing if it is running. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long startNanos = System.nanoTime();
        if (!this.formatted) {
            formatFreshStorage();
            ShutdownSequence.add(this.stopAtShutdown);
            this.formatted = true;
        }
        long logOffset = logFile().toFile().length();
        CallerBoundProcess started = this.jvm.startServer(List.of("kafka.Kafka", configFile().toString()),
                logFile(), this.directory.resolve("broker.pid"));
        this.process = started;
        StartupWait.until("The Kafka broker", started, () -> logContains(logOffset, STARTED_MESSAGE));
        log.log(System.Logger.Level.INFO, "Kafka broker ready at {0} in {1} ms (log: {2})", bootstrapServers(),
                String.valueOf((System.nanoTime() - startNanos) / 1_000_000), logFile());
    }

    /** Stops the broker gracefully and returns once its process is gone; the data stays for the next start. */
    public void stop() {
        CallerBoundProcess running = this.process;
        if (running != null) {
            running.stop();
            this.process = null;
            log.log(System.Logger.Level.INFO, "Kafka broker at {0} stopped", bootstrapServers());
        }
    }

    /** Stops and starts the broker, keeping its topics and records. */
    public void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        CallerBoundProcess running = this.process;
        return running != null && running.isAlive();
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + this.port;
    }

    public int port() {
        return this.port;
    }

    public Path logFile() {
        return this.directory.resolve("broker.log");
    }

    /** Stops the broker for good. */
    @Override
    public void close() {
        stop();
        ShutdownSequence.remove(this.stopAtShutdown);
    }

    /** The broker's process and the watchdog around it, for tests that check nothing is left behind. */
    List<ProcessHandle> processTree() {
        CallerBoundProcess running = this.process;
        return (running != null) ? running.processTree() : List.of();
    }

    private void formatFreshStorage() {
        try {
            FileTrees.deleteRecursively(this.directory.resolve("data"));
            Files.deleteIfExists(logFile());
            Files.createDirectories(this.directory.resolve("data"));
            Files.writeString(configFile(), KafkaBrokerConfig.render(this.port, this.controllerPort,
                    this.directory.resolve("data")));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        KafkaTools.Result format = this.jvm.runTool("kafka.tools.StorageTool",
                List.of("format", "-t", KafkaBrokerConfig.newClusterId(), "-c", configFile().toString()), null,
                Duration.ofMinutes(2));
        if (format.exitCode() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed (exit code " + format.exitCode()
                    + "):\n" + format.output());
        }
    }

    private Path configFile() {
        return this.directory.resolve("server.properties");
    }

    private boolean logContains(long offset, String text) {
        return FileTrees.readFrom(logFile(), offset).contains(text);
    }
}
