package dev.contentpipeline.ingest.problems;

import java.time.Duration;

/**
 * The Retry-After of ingest's 503s, for the problem answers and for a bulk report with unacknowledged lines
 * alike: the header takes whole seconds.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** Whole seconds, at least one. */
    public static String seconds(Duration wait) {
        return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
