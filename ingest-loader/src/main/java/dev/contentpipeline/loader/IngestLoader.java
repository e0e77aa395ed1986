package dev.contentpipeline.loader;

import java.io.PrintStream;

/**
 * The loader command: pushes an NDJSON or JSON file through the ingest bulk API with a progress bar, prints a
 * summary of accepted and rejected items, and resumes where it stopped when run again on the same file.
 * Exit codes: 0 every item accepted; 1 done, some items rejected; 2 refused (usage, key, a changed input);
 * 3 stopped by an unavailable service, to be run again.
 */
public final class IngestLoader {

    private IngestLoader() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.getenv("INGEST_API_KEY"), System.out, System.err,
                new ProgressBar(System.err, System.console() != null)));
    }

    static int run(String[] args, String keyFromEnvironment, PrintStream out, PrintStream err,
                   BulkLoad.Progress progress) throws InterruptedException {
        LoaderOptions options;
        try {
            options = LoaderOptions.parse(args, keyFromEnvironment);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(LoaderOptions.USAGE);
            return 2;
        }
        try {
            BulkLoad.Outcome outcome = new BulkLoad(options).run(progress);
            LoadState state = outcome.state();
            out.printf("%s: %,d items, %,d accepted, %,d rejected%s%n", options.input().getFileName(),
                    outcome.total(), state.accepted(), state.rejected(),
                    outcome.resumed() ? " (resumed from an earlier run)" : "");
            outcome.firstRejections().forEach(rejection ->
                    out.printf("  item %d: %s%n", rejection.number(), rejection.reason()));
            if (state.rejected() > outcome.firstRejections().size()) {
                out.printf("  ... %,d more rejected%n", state.rejected() - outcome.firstRejections().size());
            }
            return state.rejected() == 0 ? 0 : 1;
        } catch (LoadStoppedException e) {
            err.println();
            err.println("Stopped: " + e.getMessage());
            if (!e.fatal()) {
                err.println("Progress is saved in " + options.state() + "; run the same command again to resume.");
            }
            return e.fatal() ? 2 : 3;
        } catch (java.io.IOException | RuntimeException e) {
            err.println();
            err.println("Stopped: " + e);
            return 2;
        }
    }
}
