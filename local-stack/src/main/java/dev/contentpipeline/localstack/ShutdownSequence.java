package dev.contentpipeline.localstack;

import java.util.ArrayList;
import java.util.List;

/**
 * One JVM shutdown hook that stops things in the reverse order they were started: services before the Kafka
 * broker and Elasticsearch they depend on. Separate hooks would run all at once.
 */
final class ShutdownSequence {

    private static final List<Runnable> steps = new ArrayList<>();

    private static boolean hookInstalled;

    private ShutdownSequence() {
    }

    static synchronized void add(Runnable step) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownSequence::runAll, "local-stack-shutdown"));
            hookInstalled = true;
        }
        steps.add(0, step);
    }

    static synchronized void remove(Runnable step) {
        steps.remove(step);
    }

    private static void runAll() {
        List<Runnable> toRun;
        synchronized (ShutdownSequence.class) {
            toRun = List.copyOf(steps);
        }
        for (Runnable step : toRun) {
            try {
                step.run();
            }
            catch (RuntimeException ex) {
                System.err.println("Stopping at shutdown failed: " + ex);
            }
        }
    }
}
