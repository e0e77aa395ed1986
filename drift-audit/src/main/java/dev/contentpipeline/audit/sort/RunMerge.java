package dev.contentpipeline.audit.sort;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/** The k-way merge of sorted runs: a heap holding the next item of each run. */
final class RunMerge<T> implements SortedItems<T> {

    private final PriorityQueue<Head<T>> heads;
    private final List<Run<T>> runs;

    private RunMerge(List<Run<T>> runs, Comparator<T> order) {
        this.runs = runs;
        this.heads = new PriorityQueue<>(Math.max(1, runs.size()), (a, b) -> {
            int byItem = order.compare(a.item(), b.item());
            // Equal items come out in run order, so the merge is stable.
            return byItem != 0 ? byItem : Integer.compare(a.run().index(), b.run().index());
        });
    }

    static <T> RunMerge<T> open(List<Path> files, Comparator<T> order, RunCodec<T> codec) {
        List<Run<T>> runs = new ArrayList<>();
        RunMerge<T> merge = new RunMerge<>(runs, order);
        try {
            for (Path file : files) {
                Run<T> run = new Run<>(runs.size(), new DataInputStream(
                        new BufferedInputStream(Files.newInputStream(file), 1 << 16)), codec);
                runs.add(run);
                merge.advance(run);
            }
        } catch (IOException e) {
            merge.close();
            throw new UncheckedIOException("Could not open a sorted run", e);
        }
        return merge;
    }

    @Override
    public boolean hasNext() {
        return !this.heads.isEmpty();
    }

    @Override
    public T next() {
        Head<T> head = this.heads.poll();
        if (head == null) {
            throw new NoSuchElementException();
        }
        advance(head.run());
        return head.item();
    }

    @Override
    public void close() {
        for (Run<T> run : this.runs) {
            try {
                run.in().close();
            } catch (IOException e) {
                // Read-only files: nothing is lost.
            }
        }
    }

    private void advance(Run<T> run) {
        try {
            if (run.in().readBoolean()) {
                this.heads.add(new Head<>(run.codec().read(run.in()), run));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a sorted run", e);
        }
    }

    private record Run<T>(int index, DataInputStream in, RunCodec<T> codec) {
    }

    private record Head<T>(T item, Run<T> run) {
    }
}
