package dev.contentpipeline.localstack;

import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Kafka and Elasticsearch in Docker containers, at the versions the local stack runs. Elasticsearch's config folder
 * is made on this machine exactly as for the local stack (CA, certificate, bootstrap password, file realm) and
 * mounted into the container, which runs as that folder's owner with group 0 (the official image supports any
 * user of group 0): the tests add their users to the same files, and the node reads them within a second.
 */
final class ContainerInfrastructure {

    private static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch";

    private static final String CONFIG = "/usr/share/elasticsearch/config";

    private ContainerInfrastructure() {
    }

    @SuppressWarnings("resource") // Stopped by the shutdown sequence.
    static Infrastructure start() {
        Path workDir = WorkDirs.newTestRun();
        ElasticsearchNode node = ElasticsearchNode.createFresh(workDir.resolve("elasticsearch"),
                LocalStackOptions.defaultPlugins());
        ElasticsearchNode.NodeSecurity security = node.secure();
        int uid = owner(node.directory().resolve("config"));
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:" + BuildTimeResources.kafkaVersion()))
            .withEnv("KAFKA_NUM_PARTITIONS", "3");
        GenericContainer<?> elasticsearch = new GenericContainer<>(elasticsearchWithAnalysisPlugin())
            .withExposedPorts(9200)
            .withFileSystemBind(node.directory().resolve("config").toString(), CONFIG, BindMode.READ_WRITE)
            .withEnv("ES_PATH_CONF", CONFIG)
            .withEnv("ES_JAVA_OPTS", "-Xms1g -Xmx1g")
            .withEnv("discovery.type", "single-node")
            // The config folder is the local stack's, which binds to loopback: in a container, every interface.
            .withEnv("network.host", "0.0.0.0")
            .withEnv("xpack.ml.enabled", "false")
            .withCreateContainerCmdModifier((command) -> command.withUser(uid + ":0"))
            .withStartupTimeout(Duration.ofMinutes(3));
        ElasticsearchNode.securitySettings().forEach((setting) -> {
            int equals = setting.indexOf('=');
            elasticsearch.withEnv(setting.substring(0, equals), setting.substring(equals + 1));
        });
        Startables.deepStart(kafka, elasticsearch).join();
        ShutdownSequence.add(() -> {
            kafka.stop();
            elasticsearch.stop();
            FileTrees.deleteRecursively(workDir);
        });
        ElasticsearchAccess access = new ElasticsearchAccess(
                "https://localhost:" + elasticsearch.getMappedPort(9200), security.caCertificate(),
                security.operator(), new FileRealmUsers(security.realm()));
        awaitHealthy(access);
        return new Infrastructure(kafka.getBootstrapServers(), access, "Docker containers");
    }

    private static void awaitHealthy(ElasticsearchAccess access) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                if (access.send(access.request("/_cluster/health?wait_for_status=yellow&timeout=1s").build())
                    .statusCode() == 200) {
                    return;
                }
            }
            catch (UncheckedIOException ex) {
                // Not listening yet.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Elasticsearch in Docker was not healthy within 3 minutes");
            }
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    private static int owner(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:uid");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
        return DockerImageName.parse(image);
    }
}
