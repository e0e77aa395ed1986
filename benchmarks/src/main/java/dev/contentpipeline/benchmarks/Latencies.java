package dev.contentpipeline.benchmarks;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded from many threads; percentiles by the nearest-rank method. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;
    private long failures;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void fail() {
        failures++;
    }

    synchronized void addAll(Latencies other) {
        long[] theirs;
        long theirFailures;
        synchronized (other) {
            theirs = Arrays.copyOf(other.values, other.size);
            theirFailures = other.failures;
        }
        for (long value : theirs) {
            add(value);
        }
        failures += theirFailures;
    }

    synchronized int count() {
        return size;
    }

    synchronized long failures() {
        return failures;
    }

    /** The p-th percentile (0 to 100) in milliseconds; NaN when nothing was recorded. */
    synchronized double millis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    double p50() {
        return millis(50);
    }

    double p99() {
        return millis(99);
    }
}
