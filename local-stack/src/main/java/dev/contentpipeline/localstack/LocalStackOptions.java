package dev.contentpipeline.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link LocalStack}.
 * @param kafkaPort the broker's client port, 0 for a free one
 * @param elasticsearchPort Elasticsearch's HTTP port, 0 for a free one
 * @param workDir where both servers keep their configuration, data and logs; emptied on start
 * @param elasticsearchHeap Elasticsearch's JVM heap, such as {@code 1g} or {@code 512m}
 * @param elasticsearchPlugins plugin zips to install into Elasticsearch before it starts
 */
public record LocalStackOptions(int kafkaPort, int elasticsearchPort, Path workDir, String elasticsearchHeap,
        List<Path> elasticsearchPlugins) {

    public LocalStackOptions {
        checkPort(kafkaPort);
        checkPort(elasticsearchPort);
        Objects.requireNonNull(workDir, "workDir");
        if (elasticsearchHeap == null || !elasticsearchHeap.matches("\\d+[kmgKMG]")) {
            throw new IllegalArgumentException("elasticsearchHeap must look like 1g or 512m, not " + elasticsearchHeap);
        }
        elasticsearchPlugins = List.copyOf(elasticsearchPlugins);
        for (Path plugin : elasticsearchPlugins) {
            if (!Files.isRegularFile(plugin)) {
                throw new IllegalArgumentException("Elasticsearch plugin " + plugin + " does not exist");
            }
        }
    }

    /**
     * For the run command: Kafka on 9092 and Elasticsearch on 9200, in /var/tmp/content-pipeline/run, with the
     * project's analysis plugin.
     */
    public static LocalStackOptions defaults() {
        return new LocalStackOptions(9092, 9200, WorkDirs.forRunCommand(), "1g", defaultPlugins());
    }

    /**
     * For tests: free ports, and a new work dir that {@link LocalStack#close()} removes; with the project's analysis
     * plugin, which the index definitions need.
     */
    public static LocalStackOptions forTests() {
        return new LocalStackOptions(0, 0, WorkDirs.newTestRun(), "1g", defaultPlugins());
    }

    /** The plugins every stack gets unless told otherwise: the project's analysis plugin. */
    public static List<Path> defaultPlugins() {
        return List.of(BuildTimeResources.analysisPluginZip());
    }

    public LocalStackOptions withElasticsearchPlugins(List<Path> plugins) {
        return new LocalStackOptions(this.kafkaPort, this.elasticsearchPort, this.workDir, this.elasticsearchHeap,
                plugins);
    }

    public LocalStackOptions withElasticsearchHeap(String heap) {
        return new LocalStackOptions(this.kafkaPort, this.elasticsearchPort, this.workDir, heap,
                this.elasticsearchPlugins);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
    }
}
