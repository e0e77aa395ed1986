package dev.contentpipeline.localstack;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The Kafka broker and Elasticsearch (security on) that integration tests use, started once per JVM on first use
 * and stopped when the JVM exits. Where they come from, first match wins:
 * <ol>
 * <li>servers that already run, named by {@value #KAFKA_SETTING}, {@value #ELASTICSEARCH_SETTING},
 * {@value #ELASTICSEARCH_PASSWORD_SETTING} (the operator {@code elastic}'s) and {@value #ELASTICSEARCH_CONFIG_SETTING}
 * (the node's config folder, holding its CA and its file realm, where the tests add their users) - what
 * {@code ./pipeline run} prints (system properties or environment variables);</li>
 * <li>the {@link BuildStack} of the Maven build this JVM runs in, named by {@value #BUILD_STACK_SETTING} (its state
 * file; the build sets it for every module's tests but the end-to-end ones), waited for while it starts;</li>
 * <li>Docker containers through Testcontainers, when {@value #INFRASTRUCTURE_SETTING} is {@code containers}: an
 * explicit choice, because a Docker engine that answers may still be unable to pull an image;</li>
 * <li>a {@link LocalStack}, started from the jars and the zip Maven resolved: the default, on every machine.</li>
 * </ol>
 */
public final class Infrastructure {

    public static final String KAFKA_SETTING = "PIPELINE_KAFKA_BOOTSTRAP_SERVERS";

    public static final String ELASTICSEARCH_SETTING = "PIPELINE_ELASTICSEARCH_URL";

    public static final String ELASTICSEARCH_PASSWORD_SETTING = "PIPELINE_ELASTICSEARCH_PASSWORD";

    public static final String ELASTICSEARCH_CONFIG_SETTING = "PIPELINE_ELASTICSEARCH_CONFIG";

    public static final String INFRASTRUCTURE_SETTING = "PIPELINE_INFRASTRUCTURE";

    public static final String BUILD_STACK_SETTING = "PIPELINE_BUILD_STACK";

    private static final System.Logger log = System.getLogger(Infrastructure.class.getName());

    private static Infrastructure shared;

    private static RuntimeException sharedFailure;

    private final String kafkaBootstrapServers;

    private final ElasticsearchAccess elasticsearch;

    private final String origin;

    private final LocalStack localStack;

    Infrastructure(String kafkaBootstrapServers, ElasticsearchAccess elasticsearch, String origin) {
        this(kafkaBootstrapServers, elasticsearch, origin, null);
    }

    private Infrastructure(String kafkaBootstrapServers, ElasticsearchAccess elasticsearch, String origin,
            LocalStack localStack) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.elasticsearch = elasticsearch;
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
        return this.elasticsearch.url();
    }

    /** Elasticsearch's address, CA, operator and service users. */
    public ElasticsearchAccess elasticsearch() {
        return this.elasticsearch;
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
        return "Kafka " + this.kafkaBootstrapServers + " and Elasticsearch " + this.elasticsearch.url() + " ("
                + this.origin + ")";
    }

    private static Infrastructure startShared() {
        return start(Infrastructure::setting);
    }

    /** @param settings reads the settings named above, null when unset */
    static Infrastructure start(UnaryOperator<String> settings) {
        String kafka = settings.apply(KAFKA_SETTING);
        String elasticsearch = settings.apply(ELASTICSEARCH_SETTING);
        String password = settings.apply(ELASTICSEARCH_PASSWORD_SETTING);
        String config = settings.apply(ELASTICSEARCH_CONFIG_SETTING);
        if (kafka != null && elasticsearch != null && password != null && config != null) {
            return running(settings, "already running");
        }
        if (kafka != null || elasticsearch != null || password != null || config != null) {
            throw new IllegalStateException("Set all of " + KAFKA_SETTING + ", " + ELASTICSEARCH_SETTING + ", "
                    + ELASTICSEARCH_PASSWORD_SETTING + " and " + ELASTICSEARCH_CONFIG_SETTING
                    + " to use servers that already run (./pipeline run prints them), or none");
        }
        String choice = settings.apply(INFRASTRUCTURE_SETTING);
        String buildStack = settings.apply(BUILD_STACK_SETTING);
        if (buildStack != null && choice == null) {
            Optional<Properties> ready = BuildStack.awaitReady(Path.of(buildStack));
            if (ready.isPresent()) {
                Properties servers = ready.get();
                log.log(System.Logger.Level.INFO, "Using the local stack of this build: Kafka {0}, Elasticsearch {1}",
                        servers.getProperty(KAFKA_SETTING), servers.getProperty(ELASTICSEARCH_SETTING));
                return running(servers::getProperty, "the build's local stack");
            }
        }
        if ("containers".equals(choice)) {
            return ContainerInfrastructure.start();
        }
        if (choice != null && !"local".equals(choice)) {
            throw new IllegalStateException(INFRASTRUCTURE_SETTING + " is 'local' (the default) or 'containers', not '"
                    + choice + "'");
        }
        LocalStack stack = LocalStack.start(LocalStackOptions.forTests());
        ShutdownSequence.add(stack::close);
        return new Infrastructure(stack.kafkaBootstrapServers(), stack.elasticsearch().access(), "local stack", stack);
    }

    /** Servers that already run, from the four settings that name them (the environment's, or a state file's). */
    private static Infrastructure running(UnaryOperator<String> settings, String origin) {
        return new Infrastructure(settings.apply(KAFKA_SETTING),
                FileRealmUsers.access(settings.apply(ELASTICSEARCH_SETTING),
                        settings.apply(ELASTICSEARCH_PASSWORD_SETTING),
                        Path.of(settings.apply(ELASTICSEARCH_CONFIG_SETTING))), origin);
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return (value == null || value.isBlank()) ? null : value.strip();
    }
}
