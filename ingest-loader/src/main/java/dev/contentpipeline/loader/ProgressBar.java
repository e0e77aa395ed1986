package dev.contentpipeline.loader;

import java.io.PrintStream;

/**
 * A progress bar redrawn in place on a terminal; elsewhere (a log, a pipe) a line at each tenth of the way.
 */
final class ProgressBar implements BulkLoad.Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastTenth = -1;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void settled(LoadState state, long total) {
        long done = Math.min(state.accepted() + state.rejected(), total);
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (!terminal && percent / 10 == lastTenth) {
            return;
        }
        lastTenth = percent / 10;
        int filled = percent * WIDTH / 100;
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        String line = String.format("[%s%s] %3d%%  %,d/%,d  accepted %,d  rejected %,d  %,.0f/s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), percent, done, total, state.accepted(),
                state.rejected(), state.accepted() / seconds);
        if (terminal) {
            out.print("\r" + line);
            if (done >= total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }
}
