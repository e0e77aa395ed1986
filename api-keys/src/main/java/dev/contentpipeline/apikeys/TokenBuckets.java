package dev.contentpipeline.apikeys;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per name (an API key, a client address): a burst at once, then a steady rate; each request takes
 * one token. At most {@code maxBuckets} names are tracked: past that, the fullest buckets (clients long quiet,
 * which would be full again anyway) are dropped, so a flood of new addresses cannot grow memory without end.
 */
public final class TokenBuckets {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final int maxBuckets;

    public TokenBuckets(int maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    /** @return 0 when the request may go ahead, else how many nanoseconds until it may */
    public long acquire(String name, RateLimit limit) {
        long now = System.nanoTime();
        if (this.buckets.size() >= this.maxBuckets && !this.buckets.containsKey(name)) {
            this.buckets.values().removeIf((bucket) -> bucket.isFull(now));
        }
        return this.buckets.computeIfAbsent(name, (key) -> new Bucket(limit, now)).take(now);
    }

    /** Whole seconds to wait, at least 1, for a {@code Retry-After} header. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    private static final class Bucket {

        private final double perNano;

        private final int burst;

        private double tokens;

        private long refilledAt;

        Bucket(RateLimit limit, long now) {
            this.perNano = limit.requestsPerSecond() / 1e9;
            this.burst = limit.burst();
            this.tokens = this.burst;
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (this.tokens >= 1) {
                this.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - this.tokens) / this.perNano);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return this.tokens >= this.burst;
        }

        private void refill(long now) {
            this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.perNano);
            this.refilledAt = now;
        }
    }
}
