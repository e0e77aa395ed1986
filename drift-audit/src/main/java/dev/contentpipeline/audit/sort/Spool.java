package dev.contentpipeline.audit.sort;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Items kept on disk in the order they came, to be read back once: a stream already sorted, held for later. */
public final class Spool<T> implements AutoCloseable {

    private final RunCodec<T> codec;
    private final Path file;
    private final DataOutputStream out;
    private long size;

    public Spool(RunCodec<T> codec, Path tempDir) {
        this.codec = codec;
        try {
            this.file = Files.createTempFile(Files.createDirectories(tempDir), "spool-", ".bin");
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(this.file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a spool file in " + tempDir, e);
        }
    }

    public void add(T item) {
        try {
            this.out.writeBoolean(true);
            this.codec.write(this.out, item);
            this.size++;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + this.file, e);
        }
    }

    public long size() {
        return this.size;
    }

    /** The items in the order they were added. */
    public SortedItems<T> read() {
        try {
            this.out.writeBoolean(false);
            this.out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + this.file, e);
        }
        // One run merged with nothing: read back in its own order, whatever the comparator says.
        return RunMerge.open(List.of(this.file), (a, b) -> 0, this.codec);
    }

    @Override
    public void close() {
        try {
            this.out.close();
            Files.deleteIfExists(this.file);
        } catch (IOException e) {
            // A temporary file left behind is not worth failing an audit for.
        }
    }
}
