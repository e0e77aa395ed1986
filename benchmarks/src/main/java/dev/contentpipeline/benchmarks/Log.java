package dev.contentpipeline.benchmarks;

import java.util.Locale;

/** Progress on standard output, each line stamped with the seconds since the run began. */
final class Log {

    private final long started = System.nanoTime();

    void phase(String name) {
        System.out.println();
        line("== %s", name);
    }

    void line(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9,
                String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
