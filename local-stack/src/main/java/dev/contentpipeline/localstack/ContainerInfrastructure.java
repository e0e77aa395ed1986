package dev.contentpipeline.localstack;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/** Kafka and Elasticsearch in Docker containers, at the versions the local stack runs. */
final class ContainerInfrastructure {

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
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(DockerImageName
            .parse("docker.elastic.co/elasticsearch/elasticsearch:" + BuildTimeResources.elasticsearchVersion()))
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
}
