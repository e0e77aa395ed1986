package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Files that other processes read while the local stack may write them (a JVM starting, Elasticsearch's file watcher,
 * another build's launcher): each is written aside, in the same folder, and moved over the old one, so that a reader
 * sees the old file or the new one, whole.
 */
final class WholeFiles {

    private WholeFiles() {
    }

    /** Writes {@code content} to {@code target}, making its folder if need be. */
    static void replace(Path target, byte[] content) {
        replace(target, content, (written) -> {
        });
    }

    /** As {@link #replace(Path, byte[])}, with {@code beforeMove} given the written file before it takes the place. */
    static void replace(Path target, byte[] content, Consumer<Path> beforeMove) {
        try {
            Files.createDirectories(target.getParent());
            Path written = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
            try {
                Files.write(written, content);
                beforeMove.accept(written);
                Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            finally {
                Files.deleteIfExists(written);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write " + target, ex);
        }
    }
}
