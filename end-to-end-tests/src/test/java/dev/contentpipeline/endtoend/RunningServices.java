package dev.contentpipeline.endtoend;

import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.IngestApiKey;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.localstack.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ingest-, index- and search-service from their executable jars, as processes on the shared broker and
 * Elasticsearch, ingest knowing one API key; started side by side and awaited healthy.
 */
public final class RunningServices implements AutoCloseable {

    private final List<ServiceProcess> services;

    private RunningServices(List<ServiceProcess> services) {
        this.services = services;
    }

    /**
     * @param settings more environment for all three (topics, aliases, a consumer group of the caller's own)
     * @param healthyWithin how long each may take to answer its health check
     */
    public static RunningServices start(String name, IngestApiKey key, Map<String, String> settings,
            Duration healthyWithin) throws IOException {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, String> env = new HashMap<>(key.environment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        // The suites search hundreds of times a second from one address.
        env.put("SEARCH_CLIENTRATELIMIT_REQUESTSPERSECOND", "100000");
        env.put("SEARCH_CLIENTRATELIMIT_BURST", "100000");
        env.putAll(settings);
        Path logs = Files.createTempDirectory(name + "-logs");
        RunningServices started = new RunningServices(List.of(
                ServiceProcess.start("ingest-service", jar("ingest"), as(PipelineService.INGEST, env), logs),
                ServiceProcess.start("index-service", jar("index"), as(PipelineService.INDEX, env), logs),
                ServiceProcess.start("search-service", jar("search"), as(PipelineService.SEARCH, env), logs)));
        try {
            started.services.forEach(service -> service.awaitHealthy(healthyWithin));
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public String ingestUrl() {
        return services.get(0).baseUrl();
    }

    /** index-service's management API (dead letters, rebuilds), behind the admin key. */
    public String indexUrl() {
        return services.get(1).baseUrl();
    }

    /** index-service's log, where it writes a line per record it indexed. */
    public Path indexLog() {
        return services.get(1).logFile();
    }

    public String searchUrl() {
        return services.get(2).baseUrl();
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
    }

    /**
     * The environment plus the service's own Elasticsearch user, for the aliases the environment names
     * ({@code CONTENT_ALIASES_ARTICLES}, {@code CONTENT_ALIASES_COUNTRIES}) or the default ones.
     */
    static Map<String, String> as(PipelineService service, Map<String, String> environment) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(elasticsearch.environment(elasticsearch.user(service,
                environment.getOrDefault("CONTENT_ALIASES_ARTICLES", "articles"),
                environment.getOrDefault("CONTENT_ALIASES_COUNTRIES", "countries"))));
        return env;
    }

    /** The executable jar the build names for a service (ingest, index, search). */
    static Path jar(String service) {
        return Path.of(System.getProperty("pipeline." + service + ".jar"));
    }
}
