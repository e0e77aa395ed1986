package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Elasticsearch run from the distribution zip Maven resolved when this module was built, with
 * security on: HTTPS with a CA made for this node, the operator and one user per service in the file realm
 * ({@link #access()}). The first start begins with empty data; later starts keep it.
 */
public final class ElasticsearchServer implements AutoCloseable {

    private static final System.Logger log = System.getLogger(ElasticsearchServer.class.getName());

    private final Path directory;

    private final int httpPort;

    private final int transportPort;

    private final String heap;

    private final List<Path> plugins;

    private final Runnable stopAtShutdown = this::stop;

    private ElasticsearchNode node;

    private ElasticsearchAccess access;

    private volatile CallerBoundProcess process;

    /**
     * @param directory where the node keeps its configuration, data and logs ({@code console.log})
     * @param httpPort the HTTP port, or 0 for a free one
     * @param heap the JVM heap, such as {@code 1g}
     * @param plugins plugin zips installed into (a copy of) the distribution before the first start
     */
    public ElasticsearchServer(Path directory, int httpPort, String heap, List<Path> plugins) {
        this.directory = directory.toAbsolutePath();
        this.httpPort = FreePorts.resolve(httpPort);
        this.transportPort = FreePorts.pick();
        this.heap = heap;
        this.plugins = List.copyOf(plugins);
    }

    /** Starts Elasticsearch and returns once the cluster is yellow; does nothing if it is running. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long startNanos = System.nanoTime();
        if (this.node == null) {
            this.node = ElasticsearchNode.createFresh(this.directory, this.plugins);
            ElasticsearchNode.NodeSecurity security = this.node.secure();
            this.access = new ElasticsearchAccess(url(), security.caCertificate(), security.operator(),
                    new FileRealmUsers(security.realm()));
            ShutdownSequence.add(this.stopAtShutdown);
        }
        CallerBoundProcess started = CallerBoundProcess.start(this.node.command(settings(), this.heap), Map.of(),
                logFile(), this.node.pidFile(), true);
        this.process = started;
        StartupWait.until("Elasticsearch", started, this::isHealthy);
        log.log(System.Logger.Level.INFO, "Elasticsearch ready at {0} in {1} ms (log: {2})", url(),
                String.valueOf((System.nanoTime() - startNanos) / 1_000_000), logFile());
    }

    /** Stops Elasticsearch and returns once its processes are gone; the data stays for the next start. */
    public void stop() {
        CallerBoundProcess running = this.process;
        if (running != null) {
            running.stop();
            this.process = null;
            log.log(System.Logger.Level.INFO, "Elasticsearch at {0} stopped", url());
        }
    }

    /** Stops and starts Elasticsearch, keeping its indices. */
    public void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        CallerBoundProcess running = this.process;
        return running != null && running.isAlive();
    }

    /** {@code https://127.0.0.1:<port>}. */
    public String url() {
        return "https://127.0.0.1:" + this.httpPort;
    }

    /** The CA, the operator and the services' users; null before the first start. */
    public ElasticsearchAccess access() {
        return this.access;
    }

    public int port() {
        return this.httpPort;
    }

    /** What Elasticsearch printed, its log included. */
    public Path logFile() {
        return this.directory.resolve("console.log");
    }

    /** Stops Elasticsearch for good. */
    @Override
    public void close() {
        stop();
        ShutdownSequence.remove(this.stopAtShutdown);
    }

    /** Elasticsearch's processes and the watchdog around them, for tests that check nothing is left behind. */
    List<ProcessHandle> processTree() {
        CallerBoundProcess running = this.process;
        return (running != null) ? running.processTree() : List.of();
    }

    private List<String> settings() {
        List<String> settings = new ArrayList<>();
        for (String setting : List.of("discovery.type=single-node",
                "xpack.ml.enabled=false", "cluster.name=content-pipeline-local", "node.name=local-stack",
                "cluster.routing.allocation.disk.threshold_enabled=false", "http.port=" + this.httpPort,
                "transport.port=" + this.transportPort)) {
            settings.add("-E");
            settings.add(setting);
        }
        for (String setting : ElasticsearchNode.securitySettings()) {
            settings.add("-E");
            settings.add(setting);
        }
        return settings;
    }

    private boolean isHealthy() {
        HttpRequest request = this.access.request("/_cluster/health?wait_for_status=yellow&timeout=1s")
            .timeout(Duration.ofSeconds(5)).build();
        try {
            return this.access.http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
