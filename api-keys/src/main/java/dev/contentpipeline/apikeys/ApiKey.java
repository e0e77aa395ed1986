package dev.contentpipeline.apikeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Set;

/**
 * A configured API key.
 *
 * @param sha256 the key's SHA-256 as 64 hex digits ({@code printf %s "$KEY" | sha256sum}); never the key itself
 * @param scopes what the key may do
 * @param rateLimit this key's own rate, or null for the service's common one
 */
public record ApiKey(
        @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits") String sha256,
        @NotEmpty Set<Scope> scopes,
        @Valid RateLimit rateLimit) {
}
