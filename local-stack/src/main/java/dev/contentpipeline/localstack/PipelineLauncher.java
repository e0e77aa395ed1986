package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: Kafka and Elasticsearch, the three services on their usual ports, the sample content loaded
 * through the ingest API; then it waits for Ctrl-C and stops services first, servers second, leaving nothing
 * running.
 */
public final class PipelineLauncher {

    static final int SEARCH_PORT = 8080;

    static final int INGEST_PORT = 8081;

    static final int INDEX_PORT = 8082;

    private PipelineLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run(LaunchArguments.parse(args));
        }
        catch (IllegalArgumentException | IllegalStateException ex) {
            System.err.println();
            System.err.println("The pipeline did not start: " + ex.getMessage());
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    private static void run(LaunchArguments arguments) {
        LocalStackOptions options = LocalStackOptions.defaults();
        checkPortsFree(options);
        System.out.println("Starting Kafka and Elasticsearch in " + options.workDir() + " ...");
        LocalStack stack = LocalStack.start(options);
        ShutdownSequence.add(() -> {
            System.out.println("Stopping Kafka and Elasticsearch ...");
            stack.close();
        });
        Path logDir = options.workDir().resolve("services");
        FileTrees.deleteRecursively(logDir);
        createFolder(logDir);
        System.out.println("Starting the services (logs in " + logDir + ") ...");
        IngestApiKey apiKey = IngestApiKey.random("local");
        List<ServiceProcess> services = List.of(
                ServiceProcess.start(PipelineService.INGEST, arguments.ingestJar(), INGEST_PORT, stack, logDir,
                        apiKey.environment()),
                ServiceProcess.start(PipelineService.INDEX, arguments.indexJar(), INDEX_PORT, stack, logDir,
                        apiKey.adminEnvironment("INDEX")),
                ServiceProcess.start(PipelineService.SEARCH, arguments.searchJar(), SEARCH_PORT, stack, logDir,
                        apiKey.adminEnvironment("SEARCH")));
        ShutdownSequence.add(() -> stopServices(services));
        services.forEach(ServiceProcess::awaitHealthy);
        loadSampleContent(arguments.contentDir(), apiKey);
        printAddresses(stack, options.workDir(), apiKey);
    }

    private static void checkPortsFree(LocalStackOptions options) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(options.kafkaPort(), "Kafka");
        ports.put(options.elasticsearchPort(), "Elasticsearch");
        ports.put(SEARCH_PORT, "search-service");
        ports.put(INGEST_PORT, "ingest-service");
        ports.put(INDEX_PORT, "index-service");
        List<String> taken = new ArrayList<>();
        ports.forEach((port, user) -> {
            if (!FreePorts.isFree(port)) {
                taken.add(port + " (for " + user + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("these ports are already in use: " + String.join(", ", taken)
                    + ". Is the pipeline already running? Stop whatever listens there (ss -ltnp shows it).");
        }
    }

    private static void loadSampleContent(Path contentDir, IngestApiKey apiKey) {
        System.out.println("Loading the sample content from " + contentDir + " through the ingest API ...");
        SampleContentLoader loader = new SampleContentLoader("http://localhost:" + INGEST_PORT, apiKey);
        for (SampleContentLoader.Outcome outcome : List.of(loader.loadCountries(contentDir),
                loader.loadArticles(contentDir))) {
            System.out.printf("  %-9s %4d accepted, %d rejected%n", outcome.collection(), outcome.accepted(),
                    outcome.rejected());
            outcome.firstErrors().forEach((error) -> System.out.println("    " + error));
        }
    }

    private static void printAddresses(LocalStack stack, Path workDir, IngestApiKey apiKey) {
        System.out.println();
        System.out.println("The content pipeline is running. Ctrl-C stops it.");
        System.out.println("  Search page       http://localhost:" + SEARCH_PORT + "/");
        System.out.println("  Search API        http://localhost:" + SEARCH_PORT + "/api/search?q=hegang");
        System.out.println("  Ingest API        http://localhost:" + INGEST_PORT + "/api/articles/{id}"
                + "  http://localhost:" + INGEST_PORT + "/api/countries/{code}");
        System.out.println("  API key           " + apiKey.key() + "  (ingest: write, admin; index and search: admin;"
                + " for this run only)");
        System.out.println("                    curl -H 'Authorization: " + apiKey.authorization() + "' ...");
        System.out.println("  Ingest API docs   http://localhost:" + INGEST_PORT + "/v3/api-docs");
        System.out.println("  Index management  http://localhost:" + INDEX_PORT + "/api/dead-letters  (the API key)");
        System.out.println("  Metrics           http://localhost:{" + SEARCH_PORT + "," + INGEST_PORT + "," + INDEX_PORT
                + "}/actuator/prometheus  (the API key)");
        ElasticsearchAccess elasticsearch = stack.elasticsearch().access();
        System.out.println("  Elasticsearch     " + stack.elasticsearchUrl() + "  (operator: elastic / "
                + elasticsearch.operator().password() + ")");
        System.out.println("                    curl --cacert " + elasticsearch.caCertificate() + " -u elastic:"
                + elasticsearch.operator().password() + " '" + stack.elasticsearchUrl() + "/_cat/indices?v'");
        System.out.println("  Kafka             " + stack.kafkaBootstrapServers());
        System.out.println("  Logs              " + workDir);
        System.out.println();
        System.out.println("Tests can reuse these servers (instead of starting their own):");
        System.out.println("  export PIPELINE_KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers()
                + " PIPELINE_ELASTICSEARCH_URL=" + stack.elasticsearchUrl() + " PIPELINE_ELASTICSEARCH_PASSWORD="
                + elasticsearch.operator().password() + " PIPELINE_ELASTICSEARCH_CONFIG="
                + FileRealmUsers.configFolder(elasticsearch));
    }

    private static void stopServices(List<ServiceProcess> services) {
        System.out.println("Stopping the services ...");
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess service : services) {
            Thread thread = new Thread(service::stop, "stop-" + service.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
