package dev.contentpipeline.localstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a freshly started server to be ready, and fails fast with its log when it dies instead. */
final class StartupWait {

    /** 20 s is usual; a machine shared with other builds has been seen to need several times that. */
    static final Duration TIMEOUT = Duration.ofSeconds(300);

    private StartupWait() {
    }

    static void until(String server, CallerBoundProcess process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(server + " exited with code " + process.exitCode()
                        + " while starting\n" + LogTail.of(process.output(), 60));
            }
            if (System.nanoTime() > deadline) {
                process.stop();
                throw new IllegalStateException(server + " was not ready within " + TIMEOUT.toSeconds() + " s\n"
                        + LogTail.of(process.output(), 60));
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                process.stop();
                throw new IllegalStateException("Interrupted while waiting for " + server, ex);
            }
        }
    }
}
