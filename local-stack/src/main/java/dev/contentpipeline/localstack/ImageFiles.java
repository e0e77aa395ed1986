package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Files the services' JVM options name by their place in the Docker image ({@code /app/<file>}, copied there from
 * compose/ by service.Dockerfile): for a JVM the local stack starts, the same option names the build's copy of the
 * file, written under /var/tmp/content-pipeline/jvm-files. One options file thus serves the image and the local stack.
 */
final class ImageFiles {

    static final String IN_IMAGE = "/app/";

    static final Path LOCAL = WorkDirs.ROOT.resolve("jvm-files");

    private ImageFiles() {
    }

    /** The options with each {@code =/app/<file>} value pointed at the local copy of compose/&lt;file&gt;. */
    static List<String> local(List<String> options) {
        return options.stream().map(ImageFiles::local).toList();
    }

    private static String local(String option) {
        int at = option.indexOf("=" + IN_IMAGE);
        if (!option.startsWith("-XX:") || at < 0) {
            return option;
        }
        String file = option.substring(at + 1 + IN_IMAGE.length());
        return option.substring(0, at + 1) + copy(file);
    }

    private static Path copy(String file) {
        if (file.isEmpty() || file.contains("/")) {
            throw new IllegalArgumentException("A JVM option names /app/" + file + ": only files directly in /app, "
                    + "copied from compose/, have a local copy");
        }
        try (InputStream in = ImageFiles.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("compose/" + file + ", named by the services' JVM options, is not "
                        + "in local-stack's resources: add it to local-stack's pom and rebuild local-stack");
            }
            byte[] content = in.readAllBytes();
            WorkDirs.root();
            Path local = LOCAL.resolve(file);
            if (!Files.exists(local) || !Arrays.equals(Files.readAllBytes(local), content)) {
                WholeFiles.replace(local, content);
            }
            return local;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
