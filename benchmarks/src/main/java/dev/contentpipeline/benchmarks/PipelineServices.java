package dev.contentpipeline.benchmarks;

import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.LocalStack;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.localstack.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts the services from their exec jars, as {@code ./pipeline run} does, on free ports. Ingest gets an API key
 * made for this run (only its SHA-256 in its environment) with a rate limit far above what the benchmark sends, so
 * that the limiter never shapes the figures.
 */
final class PipelineServices {

    static final Duration HEALTHY_WITHIN = Duration.ofSeconds(180);

    private final LocalStack stack;
    private final Path logDir;
    private final boolean profile;
    private Path profilerSettings;
    private final String apiKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));

    PipelineServices(LocalStack stack, Path logDir, boolean profile) {
        this.stack = stack;
        this.logDir = logDir;
        this.profile = profile;
    }

    /** The benchmark's key: write on ingest, admin on every service's actuator. */
    String apiKey() {
        return apiKey;
    }

    /** A started service, with the pid its watchdog recorded. */
    record Running(ServiceProcess process, long pid, long startedNanos) {

        String url() {
            return process.baseUrl();
        }

        String name() {
            return process.name();
        }
    }

    Running startIngest(Path jar) {
        Map<String, String> environment = common("ingest-service", PipelineService.INGEST, "articles", profile);
        environment.put("INGEST_SECURITY_KEYS_BENCHMARK_SHA256", sha256(apiKey));
        environment.put("INGEST_SECURITY_KEYS_BENCHMARK_SCOPES", "write,admin");
        environment.put("INGEST_SECURITY_RATELIMIT_REQUESTSPERSECOND", "1000000");
        environment.put("INGEST_SECURITY_RATELIMIT_BURST", "1000000");
        return start("ingest-service", PipelineService.INGEST, jar, environment);
    }

    /** The indexer on the content topics, or (for the backlog) on its own topic, alias and consumer group. */
    Running startIndex(String name, Path jar, String articlesTopic, String articlesAlias, String group) {
        return startIndex(name, jar, articlesTopic, articlesAlias, group, profile);
    }

    /**
     * An indexer as above, with or without the profiler: a start timed as users run it is timed without one (a flight
     * recording started with the JVM holds its start-up back by about 0.6 s, README round 33).
     */
    Running startIndex(String name, Path jar, String articlesTopic, String articlesAlias, String group,
            boolean profiled) {
        Map<String, String> environment = common(name, PipelineService.INDEX, articlesAlias, profiled);
        environment.put("CONTENT_TOPICS_ARTICLES", articlesTopic);
        environment.put("CONTENT_ALIASES_ARTICLES", articlesAlias);
        environment.put("SPRING_KAFKA_CONSUMER_GROUPID", group);
        return start(name, PipelineService.INDEX, jar, environment);
    }

    /** With the actuator's loggers endpoint, through which {@link CapturedSearches} turns the tracer on. */
    Running startSearch(Path jar) {
        Map<String, String> environment = common("search-service", PipelineService.SEARCH, "articles", profile);
        environment.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,metrics,loggers");
        // The load comes from one address, at rates a per-client limit exists to stop.
        environment.put("SEARCH_CLIENTRATELIMIT_REQUESTSPERSECOND", "1000000");
        environment.put("SEARCH_CLIENTRATELIMIT_BURST", "1000000");
        return start("search-service", PipelineService.SEARCH, jar, environment);
    }

    Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    /** Whether the services record flight recordings and track their native memory. */
    boolean profiling() {
        return profile;
    }

    void awaitHealthy(Running service) {
        service.process().awaitHealthy(HEALTHY_WITHIN);
    }

    /** The services' JFR settings, written into the log folder once. */
    private Path profilerSettings() {
        if (profilerSettings == null) {
            try {
                profilerSettings = Profiles.settingsIn(logDir);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the profiler's settings: " + e.getMessage(), e);
            }
        }
        return profilerSettings;
    }

    Path jfrFile(String name) {
        return logDir.resolve(name + ".jfr");
    }

    /** The servers' addresses and the service's own Elasticsearch user, for its articles alias. */
    private Map<String, String> common(String name, PipelineService service, String articlesAlias,
            boolean profiled) {
        Map<String, String> environment = new HashMap<>();
        if (service != PipelineService.INGEST) {
            environment.put(service.name() + "_SECURITY_KEYS_BENCHMARK_SHA256", sha256(apiKey));
            environment.put(service.name() + "_SECURITY_KEYS_BENCHMARK_SCOPES", "admin");
        }
        Http.actuatorKey(apiKey);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        ElasticsearchAccess elasticsearch = stack.elasticsearch().access();
        environment.putAll(elasticsearch.environment(elasticsearch.user(service, articlesAlias, "countries")));
        if (profiled) {
            // Execution samples every 20 ms and no other event (Profiles.SETTINGS), written when it stops; native
            // memory tracking to say where the memory is, and how much of it the profiler itself holds.
            environment.put("JDK_JAVA_OPTIONS", "-XX:NativeMemoryTracking=summary "
                    + "-XX:StartFlightRecording=settings=" + profilerSettings() + ",dumponexit=true,filename="
                    + jfrFile(name));
        }
        return environment;
    }

    /**
     * An experiment's JVM options for one service ({@code BENCHMARK_JVM_OPTIONS_INGEST}, {@code _INDEX},
     * {@code _SEARCH}), split at spaces; on the command line after the service's own, so that they override them.
     */
    static List<String> experimentOptions(PipelineService service, Map<String, String> environment) {
        String options = environment.getOrDefault("BENCHMARK_JVM_OPTIONS_" + service.name(), "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private Running start(String name, PipelineService service, Path jar, Map<String, String> environment) {
        long started = System.nanoTime();
        ServiceProcess process = ServiceProcess.start(name, jar, environment,
                experimentOptions(service, System.getenv()), logDir);
        return new Running(process, pidOf(name, process), started);
    }

    /** The pid the watchdog wrote: the JVM's own, as it runs the command in the background of its shell. */
    private long pidOf(String name, ServiceProcess process) {
        Path pidFile = logDir.resolve(name + ".pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String pid = Files.exists(pidFile) ? Files.readString(pidFile).strip() : "";
                if (!pid.isEmpty()) {
                    return Long.parseLong(pid);
                }
            } catch (IOException | NumberFormatException e) {
                // written as we read it: try again
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        process.kill();
        throw new IllegalStateException("No pid file for " + name + " at " + pidFile);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
