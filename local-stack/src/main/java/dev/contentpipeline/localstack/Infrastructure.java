package dev.contentpipeline.localstack;

import java.util.function.UnaryOperator;

/**
 * The Kafka broker and Elasticsearch that integration tests use, started once per JVM on first use and stopped
 * when the JVM exits. Where they come from, first match wins:
 * <ol>
 * <li>servers that already run, named by {@value #KAFKA_SETTING} and {@value #ELASTICSEARCH_SETTING} (system
 * properties or environment variables);</li>
 * <li>Docker containers through Testcontainers, where a Docker engine answers;</li>
 * <li>a {@link LocalStack}, started from the jars and the zip Maven resolved.</li>
 * </ol>
 */
public final class Infrastructure {

    public static final String KAFKA_SETTING = "PIPELINE_KAFKA_BOOTSTRAP_SERVERS";

    public static final String ELASTICSEARCH_SETTING = "PIPELINE_ELASTICSEARCH_URL";

    private static Infrastructure shared;

    private static RuntimeException sharedFailure;

    private final String kafkaBootstrapServers;

    private final String elasticsearchUrl;

    private final String origin;

    private final LocalStack localStack;

    Infrastructure(String kafkaBootstrapServers, String elasticsearchUrl, String origin) {
        this(kafkaBootstrapServers, elasticsearchUrl, origin, null);
    }

    private Infrastructure(String kafkaBootstrapServers, String elasticsearchUrl, String origin,
            LocalStack localStack) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.elasticsearchUrl = elasticsearchUrl;
        this.origin = origin;
        this.localStack = localStack;
    }

    /**
     * The servers for this JVM, started by the first call (which may take half a minute). A failure to start is
     * remembered, so that later test classes fail fast with the same message.
     */
    public static synchronized Infrastructure shared() {
        if (sharedFailure != null) {
            throw new IllegalStateException("The shared test infrastructure failed to start earlier", sharedFailure);
        }
        if (shared == null) {
            try {
                shared = startShared();
            }
            catch (RuntimeException ex) {
                sharedFailure = ex;
                throw ex;
            }
        }
        return shared;
    }

    public String kafkaBootstrapServers() {
        return this.kafkaBootstrapServers;
    }

    public String elasticsearchUrl() {
        return this.elasticsearchUrl;
    }

    /** The broker this JVM started, to stop, restart or run Kafka's tools against; null for other origins. */
    public KafkaServer localKafka() {
        return this.localStack == null ? null : this.localStack.kafka();
    }

    /** The Elasticsearch this JVM started, to stop and start again; null for other origins. */
    public ElasticsearchServer localElasticsearch() {
        return this.localStack == null ? null : this.localStack.elasticsearch();
    }

    @Override
    public String toString() {
        return "Kafka " + this.kafkaBootstrapServers + " and Elasticsearch " + this.elasticsearchUrl + " ("
                + this.origin + ")";
    }

    private static Infrastructure startShared() {
        return start(Infrastructure::setting);
    }

    /** @param settings reads {@value #KAFKA_SETTING} and {@value #ELASTICSEARCH_SETTING}, null when unset */
    static Infrastructure start(UnaryOperator<String> settings) {
        String kafka = settings.apply(KAFKA_SETTING);
        String elasticsearch = settings.apply(ELASTICSEARCH_SETTING);
        if (kafka != null && elasticsearch != null) {
            return new Infrastructure(kafka, elasticsearch, "already running");
        }
        if (kafka != null || elasticsearch != null) {
            throw new IllegalStateException("Set both " + KAFKA_SETTING + " and " + ELASTICSEARCH_SETTING
                    + " to use servers that already run, or neither");
        }
        if (ContainerInfrastructure.isDockerAvailable()) {
            return ContainerInfrastructure.start();
        }
        LocalStack stack = LocalStack.start(LocalStackOptions.forTests());
        ShutdownSequence.add(stack::close);
        return new Infrastructure(stack.kafkaBootstrapServers(), stack.elasticsearchUrl(), "local stack", stack);
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return (value == null || value.isBlank()) ? null : value.strip();
    }
}
