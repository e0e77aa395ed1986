package dev.contentpipeline.ingest.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Assigns versions to writes that bring none: microseconds since the epoch, strictly increasing within
 * this process, so a later write of an id always carries a higher version than an earlier one.
 */
final class VersionClock {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    VersionClock(Clock clock) {
        this.clock = clock;
    }

    long next() {
        Instant now = clock.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        return last.updateAndGet(previous -> Math.max(previous + 1, micros));
    }
}
