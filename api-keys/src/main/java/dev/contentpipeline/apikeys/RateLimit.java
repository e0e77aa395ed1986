package dev.contentpipeline.apikeys;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** A token bucket: {@code burst} requests at once, refilled at {@code requestsPerSecond}. */
public record RateLimit(
        @Positive @DefaultValue("20") double requestsPerSecond,
        @Min(1) @DefaultValue("50") int burst) {
}
