package dev.contentpipeline.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One of the pipeline's Spring Boot services, run as {@code java -jar} in a child JVM bound to this one, from its
 * extracted jar with a class-data archive made on its first start ({@link ClassDataArchive}).
 */
public final class ServiceProcess implements AutoCloseable {

    static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(90);

    /**
     * The memory each service runs in, read from compose/service-jvm.options, the file the services' Docker image
     * passes to java as well: a bounded heap and the serial collector (a small heap, two cores shared with Kafka
     * and Elasticsearch). Left to its defaults the JVM grows a service's heap towards a quarter of the machine's
     * memory. A service out of memory exits rather than limps on.
     */
    private static final List<String> JVM_OPTIONS = BuildTimeResources.serviceJvmOptions();

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;

    private final int port;

    private final CallerBoundProcess process;

    private ServiceProcess(String name, int port, CallerBoundProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the service's jar with the servers' addresses, its own Elasticsearch user and its port in the
     * environment, plus the given settings; output goes to logDir.
     */
    static ServiceProcess start(PipelineService service, Path jar, int port, LocalStack stack, Path logDir,
            Map<String, String> settings) {
        ElasticsearchAccess elasticsearch = stack.elasticsearch().access();
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        environment.putAll(elasticsearch.environment(elasticsearch.user(service)));
        return start(service.username(), jar, port, environment, List.of(), logDir);
    }

    /**
     * Starts the jar on a free port with the given environment (the servers' addresses, settings) plus
     * {@code SERVER_PORT}; output goes to {@code <logDir>/<name>.log}.
     */
    public static ServiceProcess start(String name, Path jar, Map<String, String> environment, Path logDir) {
        return start(name, jar, FreePorts.pick(), environment, List.of(), logDir);
    }

    /**
     * As above, with an experiment's JVM options after the service's own, so that they win over them (the JVM takes
     * the last of an option given twice). In {@code JDK_JAVA_OPTIONS} they would not: the launcher puts its content
     * before the command line's options.
     */
    public static ServiceProcess start(String name, Path jar, Map<String, String> environment,
            List<String> experimentOptions, Path logDir) {
        return start(name, jar, FreePorts.pick(), environment, experimentOptions, logDir);
    }

    private static ServiceProcess start(String name, Path jar, int port, Map<String, String> settings,
            List<String> experimentOptions, Path logDir) {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("SERVER_PORT", Integer.toString(port));
        // glibc keeps up to eight malloc arenas per core, each a resident few MB once threads touched it.
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        List<String> own = ownCommand(jar);
        // The class-data archive is made with the service's own options: the one every start of the jar uses.
        List<String> command = command(own, experimentOptions, ClassDataArchive.launchArguments(jar, own, environment,
                logDir.resolve(name + "-training.log")));
        CallerBoundProcess process = CallerBoundProcess.start(command, environment, logDir.resolve(name + ".log"),
                logDir.resolve(name + ".pid"), false);
        return new ServiceProcess(name, port, process);
    }

    /** java, every service's JVM options, then the jar's own. */
    static List<String> ownCommand(Path jar) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ImageFiles.local(JVM_OPTIONS));
        command.addAll(ImageFiles.local(ownJvmOptions(jar)));
        return List.copyOf(command);
    }

    /** The service's own command, the experiment's JVM options, then how to launch the jar. */
    static List<String> command(List<String> own, List<String> experimentOptions, List<String> launch) {
        List<String> command = new java.util.ArrayList<>(own);
        command.addAll(experimentOptions);
        command.addAll(launch);
        return List.copyOf(command);
    }

    /**
     * The service's own options, by its jar's name: ingest-service runs on the C1 compiler alone (on two shared cores
     * C2's compilations cost it more CPU than its faster code saved: 5.1 to 5.5 ms per single PUT against 2.0 to 2.4),
     * and so do index-service and search-service, whose TLS to Elasticsearch is BoringSSL's, native code
     * (pipeline-connections' NativeTls), so that C2's crypto intrinsics no longer matter to them (README, round 45).
     */
    private static List<String> ownJvmOptions(Path jar) {
        String file = jar.getFileName().toString();
        for (PipelineService service : PipelineService.values()) {
            if (file.startsWith(service.username() + "-")) {
                return BuildTimeResources.serviceJvmOptions(service.username());
            }
        }
        return List.of();
    }

    /** Waits until /actuator/health answers 200; throws with the end of the service's log if it does not. */
    void awaitHealthy() {
        awaitHealthy(HEALTHY_TIMEOUT);
    }

    /** Waits until /actuator/health answers 200; throws with the end of the service's log if it does not. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isHealthy()) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException(this.name + " exited with code " + this.process.exitCode()
                        + " while starting\n" + LogTail.of(this.process.output(), 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(this.name + " was not healthy within " + timeout.toSeconds()
                        + " s\n" + LogTail.of(this.process.output(), 40));
            }
            pause();
        }
    }

    /** Stops the service with SIGTERM (a graceful shutdown) and waits until it is gone. */
    public void stop() {
        this.process.stop();
    }

    /** The service's JVM, once the watchdog has recorded it. */
    public java.util.OptionalLong pid() {
        return this.process.serverPid();
    }

    public boolean isAlive() {
        return this.process.isAlive();
    }

    /** Kills the service with SIGKILL: no shutdown hook, no graceful stop, as in a crash. */
    public void kill() {
        this.process.kill();
    }

    @Override
    public void close() {
        stop();
    }

    public String name() {
        return this.name;
    }

    public String baseUrl() {
        return "http://localhost:" + this.port;
    }

    public Path logFile() {
        return this.process.output();
    }

    private boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
