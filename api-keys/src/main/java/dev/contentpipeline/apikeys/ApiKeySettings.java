package dev.contentpipeline.apikeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * A service's keys ({@code <service>.security.keys.<name>.sha256}, {@code .scopes}) and the rate every key gets
 * unless it sets its own. With no key, every request that needs one is refused with a 401 saying how to configure
 * one.
 */
public record ApiKeySettings(
        @DefaultValue Map<String, @Valid ApiKey> keys,
        @Valid @NotNull @DefaultValue RateLimit rateLimit) {
}
