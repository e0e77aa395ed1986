package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An unpacked Elasticsearch in a cache folder that the user running it can read, made once per version and set
 * of plugins: each set of plugin zips gets its own copy, named by the hash of their contents.
 */
final class ElasticsearchDistribution {

    private ElasticsearchDistribution() {
    }

    /** The Elasticsearch home folder with the plugins installed, unpacked now if no earlier run did. */
    static Path prepare(List<Path> plugins, ElasticsearchUser user) {
        String version = BuildTimeResources.elasticsearchVersion();
        String name = "elasticsearch-" + version
                + (plugins.isEmpty() ? "" : "-plugins-" + contentHash(plugins));
        Path home = WorkDirs.ROOT.resolve(name);
        if (Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        try {
            // Built aside and moved into place in one step, so that concurrent builds never see half of it.
            Path staging = Files.createTempDirectory(WorkDirs.root(), "." + name + "-");
            try {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
                Path unpacked = FileTrees.unzip(BuildTimeResources.elasticsearchZip(), staging)
                    .resolve("elasticsearch-" + version);
                user.takeOwnership(staging);
                for (Path plugin : plugins) {
                    installPlugin(unpacked, plugin, staging, user);
                }
                moveIntoPlace(unpacked, home);
            }
            finally {
                FileTrees.deleteRecursively(staging);
            }
            return home;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not unpack Elasticsearch into " + home, ex);
        }
    }

    private static void moveIntoPlace(Path unpacked, Path home) throws IOException {
        try {
            Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
                throw ex;
            }
            // Another process finished the same distribution first.
        }
    }

    private static void installPlugin(Path home, Path plugin, Path staging, ElasticsearchUser user)
            throws IOException {
        // A copy the Elasticsearch user can read wherever the plugin was built (for example under /root).
        Path readable = staging.resolve(plugin.getFileName());
        Files.copy(plugin, readable);
        user.takeOwnership(readable);
        ShortCommand.run(user.command(List.of("env", "ES_JAVA_HOME=" + System.getProperty("java.home"),
                home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
                readable.toUri().toString())));
    }

    private static String contentHash(List<Path> plugins) {
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (Path plugin : plugins) {
                MessageDigest one = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(plugin), one)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                all.update(one.digest());
            }
            return HexFormat.of().formatHex(all.digest()).substring(0, 16);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read plugin " + plugins, ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
