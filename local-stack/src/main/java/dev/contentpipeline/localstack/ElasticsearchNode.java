package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    /**
     * Security for this node: a new self-signed certificate for {@code localhost} / {@code 127.0.0.1} (HTTPS), which
     * clients trust as {@code certs/ca/ca.crt}, the operator's password as the bootstrap password of the built-in
     * superuser {@code elastic}, and the file realm with the services' roles; all made by the distribution's own
     * tools, for this node only. Each tool is a JVM of its own, 3 to 10 s on two busy cores before the node can start,
     * so the certificate and the keystore are made side by side, and the certificate signs itself (a CA and a
     * certificate signed by it took two tool runs, one after the other).
     */
    NodeSecurity secure() {
        Path certs = config().resolve("certs");
        ElasticsearchCredentials operator = new ElasticsearchCredentials("elastic", FileRealm.newPassword());
        CompletableFuture<Void> keystore = CompletableFuture.runAsync(() -> ShortCommand.runWithInput(
                toolCommand("elasticsearch-keystore", "add", "-x", "-f", "bootstrap.password"),
                operator.password() + "\n"));
        try {
            Files.createDirectories(certs);
            this.user.takeOwnership(certs);
            tool("elasticsearch-certutil", "cert", "--self-signed", "--pem", "--silent", "--days", "3650", "--name",
                    "node", "--dns", "localhost", "--ip", "127.0.0.1", "--out", certs.resolve("node.zip").toString());
            FileTrees.unzip(certs.resolve("node.zip"), certs);
            Files.createDirectories(certs.resolve("ca"));
            Files.copy(certs.resolve("node/node.crt"), certs.resolve("ca/ca.crt"),
                    StandardCopyOption.REPLACE_EXISTING);
            this.user.takeOwnership(certs);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not make the certificate in " + certs, ex);
        }
        finally {
            keystore.join();
        }
        FileRealm realm = new FileRealm(config(), this.user);
        realm.write();
        return new NodeSecurity(certs.resolve("ca/ca.crt"), operator, realm);
    }

    /** The settings that switch security on with the files {@link #secure()} made. */
    static List<String> securitySettings() {
        return List.of("xpack.security.enabled=true", "xpack.security.http.ssl.enabled=true",
                "xpack.security.http.ssl.key=certs/node/node.key",
                "xpack.security.http.ssl.certificate=certs/node/node.crt",
                "xpack.security.http.ssl.certificate_authorities=certs/ca/ca.crt",
                // The file realm is read again this often: a user added by a test is usable within about a second.
                "resource.reload.interval.high=1s");
    }

    record NodeSecurity(Path caCertificate, ElasticsearchCredentials operator, FileRealm realm) {
    }

    private void tool(String name, String... arguments) {
        ShortCommand.run(toolCommand(name, arguments));
    }

    private List<String> toolCommand(String name, String... arguments) {
        List<String> command = new ArrayList<>(List.of("env", "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_PATH_CONF=" + config(), this.home.resolve("bin").resolve(name).toString()));
        command.addAll(List.of(arguments));
        return this.user.command(command);
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
