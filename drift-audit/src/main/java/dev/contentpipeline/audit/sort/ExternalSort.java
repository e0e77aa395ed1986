package dev.contentpipeline.audit.sort;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Sorts more items than fit in memory: at most {@code runSize} items are held at once; each full buffer is sorted
 * and spilled to a temporary file (a run), and {@link #sorted()} merges the runs k ways, at most {@code fanIn} at a
 * time (more runs are first merged into fewer, longer ones). Memory is one buffer, or one item per open run.
 */
public final class ExternalSort<T> implements AutoCloseable {

    static final int DEFAULT_FAN_IN = 64;

    private final Comparator<T> order;
    private final RunCodec<T> codec;
    private final int runSize;
    private final int fanIn;
    private final Path folder;
    private final List<Path> runs = new ArrayList<>();
    private List<T> buffer = new ArrayList<>();
    private long added;
    private int spilledRuns;
    private boolean read;

    public ExternalSort(Comparator<T> order, RunCodec<T> codec, int runSize, Path tempDir) {
        this(order, codec, runSize, DEFAULT_FAN_IN, tempDir);
    }

    ExternalSort(Comparator<T> order, RunCodec<T> codec, int runSize, int fanIn, Path tempDir) {
        if (runSize < 1 || fanIn < 2) {
            throw new IllegalArgumentException("runSize must be at least 1 and fanIn at least 2");
        }
        this.order = order;
        this.codec = codec;
        this.runSize = runSize;
        this.fanIn = fanIn;
        try {
            this.folder = Files.createTempDirectory(Files.createDirectories(tempDir), "sort-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make a folder for sorted runs in " + tempDir, e);
        }
    }

    public void add(T item) {
        if (this.read) {
            throw new IllegalStateException("The items were already read");
        }
        this.buffer.add(item);
        this.added++;
        if (this.buffer.size() >= this.runSize) {
            spill();
        }
    }

    public long size() {
        return this.added;
    }

    /** How many runs went to disk (0 when everything fitted in one buffer). */
    public int spilledRuns() {
        return this.spilledRuns;
    }

    /** Every item added, in order; the sort can be read once. */
    public SortedItems<T> sorted() {
        this.read = true;
        if (this.runs.isEmpty()) {
            // Everything fitted in memory: no file needed.
            this.buffer.sort(this.order);
            Iterator<T> items = this.buffer.iterator();
            this.buffer = new ArrayList<>();
            return new InMemory<>(items);
        }
        if (!this.buffer.isEmpty()) {
            spill();
        }
        this.buffer = null;
        while (this.runs.size() > this.fanIn) {
            mergeOnce();
        }
        return RunMerge.open(new ArrayList<>(this.runs), this.order, this.codec);
    }

    /** Deletes the runs. */
    @Override
    public void close() {
        for (Path run : this.runs) {
            deleteQuietly(run);
        }
        deleteQuietly(this.folder);
    }

    private void spill() {
        this.buffer.sort(this.order);
        this.runs.add(write(this.buffer.iterator()));
        this.spilledRuns++;
        this.buffer = new ArrayList<>(Math.min(this.runSize, 1 << 16));
    }

    /** Merges the first fanIn runs into one, so the final merge opens at most fanIn files. */
    private void mergeOnce() {
        List<Path> first = new ArrayList<>(this.runs.subList(0, this.fanIn));
        Path merged;
        try (SortedItems<T> items = RunMerge.open(first, this.order, this.codec)) {
            merged = write(items);
        }
        first.forEach(ExternalSort::deleteQuietly);
        this.runs.subList(0, this.fanIn).clear();
        this.runs.add(merged);
    }

    private Path write(Iterator<T> items) {
        try {
            Path run = Files.createTempFile(this.folder, "run-", ".bin");
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                while (items.hasNext()) {
                    out.writeBoolean(true);
                    this.codec.write(out, items.next());
                }
                out.writeBoolean(false);
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a sorted run to " + this.folder, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A temporary file left behind is not worth failing an audit for.
        }
    }

    private record InMemory<T>(Iterator<T> items) implements SortedItems<T> {

        @Override
        public boolean hasNext() {
            return this.items.hasNext();
        }

        @Override
        public T next() {
            return this.items.next();
        }

        @Override
        public void close() {
        }
    }
}
