package dev.contentpipeline.localstack;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/** Kafka and Elasticsearch in Docker containers, at the versions the local stack runs. */
final class ContainerInfrastructure {

    private static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch";

    private ContainerInfrastructure() {
    }

    static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    @SuppressWarnings("resource") // Stopped by the shutdown sequence.
    static Infrastructure start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:" + BuildTimeResources.kafkaVersion()))
            .withEnv("KAFKA_NUM_PARTITIONS", "3");
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(elasticsearchWithAnalysisPlugin())
            .withEnv("xpack.security.enabled", "false")
            .withEnv("xpack.ml.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms1g -Xmx1g");
        Startables.deepStart(kafka, elasticsearch).join();
        ShutdownSequence.add(() -> {
            kafka.stop();
            elasticsearch.stop();
        });
        return new Infrastructure(kafka.getBootstrapServers(), "http://" + elasticsearch.getHttpHostAddress(),
                "Docker containers");
    }

    /** The official image with the project's analysis plugin: the steps of elasticsearch/Dockerfile. */
    private static DockerImageName elasticsearchWithAnalysisPlugin() {
        String official = ELASTICSEARCH_IMAGE + ":" + BuildTimeResources.elasticsearchVersion();
        String image = new ImageFromDockerfile("content-pipeline-elasticsearch", false)
            .withFileFromPath("content-analysis.zip", BuildTimeResources.analysisPluginZip())
            .withDockerfileFromBuilder((dockerfile) -> dockerfile.from(official)
                .copy("content-analysis.zip", "/tmp/content-analysis.zip")
                .run("bin/elasticsearch-plugin install --batch file:///tmp/content-analysis.zip")
                .build())
            .get();
        return DockerImageName.parse(image).asCompatibleSubstituteFor(ELASTICSEARCH_IMAGE);
    }
}
