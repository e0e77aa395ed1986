package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One node's own folders (configuration, data, logs, temp) next to a shared, read-only distribution, all owned
 * by the user Elasticsearch runs as.
 */
record ElasticsearchNode(Path home, Path directory, ElasticsearchUser user) {

    static ElasticsearchNode createFresh(Path directory, List<Path> plugins) {
        ElasticsearchUser user = ElasticsearchUser.forThisProcess();
        Path home = ElasticsearchDistribution.prepare(plugins, user);
        ElasticsearchNode node = new ElasticsearchNode(home, directory, user);
        try {
            for (String folder : List.of("config", "data", "logs", "tmp")) {
                FileTrees.deleteRecursively(directory.resolve(folder));
            }
            Files.deleteIfExists(directory.resolve("console.log"));
            Files.createDirectories(directory);
            copyFolder(home.resolve("config"), node.config());
            Files.createDirectories(node.data());
            Files.createDirectories(node.logs());
            Files.createDirectories(node.tmp());
            user.takeOwnership(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not prepare " + directory, ex);
        }
        return node;
    }

    /** Starts bin/elasticsearch in the foreground, writing the server's pid to {@link #pidFile()}. */
    List<String> command(List<String> settings, String heap) {
        List<String> command = new ArrayList<>(List.of("env", "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_JAVA_OPTS=-Xms" + heap + " -Xmx" + heap, "ES_PATH_CONF=" + config(), "ES_TMPDIR=" + tmp(),
                this.home.resolve("bin/elasticsearch").toString(), "-p", pidFile().toString(),
                "-E", "path.data=" + data(), "-E", "path.logs=" + logs()));
        command.addAll(settings);
        return this.user.command(command);
    }

    Path pidFile() {
        return this.directory.resolve("tmp/elasticsearch.pid");
    }

    private Path config() {
        return this.directory.resolve("config");
    }

    private Path data() {
        return this.directory.resolve("data");
    }

    private Path logs() {
        return this.directory.resolve("logs");
    }

    private Path tmp() {
        return this.directory.resolve("tmp");
    }

    private static void copyFolder(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Files.copy(path, target.resolve(source.relativize(path).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
