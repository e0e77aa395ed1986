package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Folders under /var/tmp/content-pipeline: outside /root, so that the user Elasticsearch runs as can reach them,
 * and kept across reboots less eagerly than /tmp.
 */
final class WorkDirs {

    static final Path ROOT = Path.of("/var/tmp/content-pipeline");

    private static final Path TEST_RUNS = ROOT.resolve("test-runs");

    private static final Duration STALE_TEST_RUN = Duration.ofDays(1);

    private WorkDirs() {
    }

    /** The shared root, created open to every user like /tmp (sticky, world-writable) if missing. */
    static Path root() {
        return createShared(ROOT);
    }

    /** The work dir of the run command. */
    static Path forRunCommand() {
        root();
        return ROOT.resolve("run");
    }

    /** A new folder for one test JVM's stack; those left behind by killed test runs are removed after a day. */
    static Path newTestRun() {
        root();
        createShared(TEST_RUNS);
        removeStaleTestRuns();
        try {
            Path run = Files.createTempDirectory(TEST_RUNS, "run-");
            Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
            return run;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static boolean isTestRun(Path workDir) {
        return workDir.toAbsolutePath().normalize().startsWith(TEST_RUNS);
    }

    private static Path createShared(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
                ShortCommand.run(List.of("chmod", "+t", folder.toString()));
            }
            return folder;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create " + folder, ex);
        }
    }

    private static void removeStaleTestRuns() {
        FileTime staleBefore = FileTime.from(Instant.now().minus(STALE_TEST_RUN));
        try (Stream<Path> runs = Files.list(TEST_RUNS)) {
            for (Path run : runs.toList()) {
                if (Files.getLastModifiedTime(run).compareTo(staleBefore) < 0) {
                    FileTrees.deleteRecursively(run);
                }
            }
        }
        catch (IOException | UncheckedIOException ex) {
            // Someone else's folder, or one being removed by another JVM: not ours to worry about.
        }
    }
}
