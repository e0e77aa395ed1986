package dev.contentpipeline.ingest.security;

import dev.contentpipeline.ingest.IngestProperties;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per key: a burst at once, then a steady rate. Each request takes one token. */
@Component
class RateLimiter {

    private final IngestProperties.RateLimit common;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(IngestProperties properties) {
        this.common = properties.security().rateLimit();
    }

    /** @return 0 when the request may go ahead, else how many nanoseconds until it may */
    long acquire(ApiKeys.Key key) {
        IngestProperties.RateLimit limit = key.settings().rateLimit() != null ? key.settings().rateLimit() : common;
        return buckets.computeIfAbsent(key.name(), name -> new Bucket(limit)).take(System.nanoTime());
    }

    private static final class Bucket {

        private final double perNano;
        private final int burst;
        private double tokens;
        private long refilledAt;

        Bucket(IngestProperties.RateLimit limit) {
            this.perNano = limit.requestsPerSecond() / 1e9;
            this.burst = limit.burst();
            this.tokens = burst;
            this.refilledAt = System.nanoTime();
        }

        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
