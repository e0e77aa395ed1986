package dev.contentpipeline.ingest;

import dev.contentpipeline.ingest.security.Scope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * @param topics where each content type is published
 * @param partitions partitions of each topic when ingest creates it
 * @param publishTimeout how long a request waits for the broker's acknowledgement before answering 503; also
 *        bounds the producer's own blocking and delivery time
 * @param bulkPublishTimeout the same for a whole bulk request: all its records are sent at once, and all their
 *        acknowledgements awaited within this time
 * @param brokerCheckTimeout how long the readiness check waits for the broker to describe its cluster
 * @param limits request sizes
 * @param security API keys and their rate limit
 * @param elasticsearch where the indices are read, for status and {@code wait=searchable}
 * @param aliases the alias each type is searched through
 * @param searchable how {@code wait=searchable} waits
 * @param acceptedVersionsKept how many ids' acknowledged versions this instance remembers
 */
@Validated
@ConfigurationProperties("ingest")
public record IngestProperties(
        @Valid @NotNull @DefaultValue Topics topics,
        @Min(1) @DefaultValue("3") int partitions,
        @NotNull @DefaultValue("5s") Duration publishTimeout,
        @NotNull @DefaultValue("30s") Duration bulkPublishTimeout,
        @NotNull @DefaultValue("2s") Duration brokerCheckTimeout,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue Elasticsearch elasticsearch,
        @Valid @NotNull @DefaultValue Aliases aliases,
        @Valid @NotNull @DefaultValue Searchable searchable,
        @Min(1) @DefaultValue("100000") int acceptedVersionsKept) {

    public record Topics(
            @NotBlank @DefaultValue("content.articles") String articles,
            @NotBlank @DefaultValue("content.countries") String countries) {
    }

    /**
     * @param maxRecordSize the largest record: the body of one PUT, one line of a bulk request. Kept under the
     *        1 MB that the broker takes in one record, and index-service indexes, by default
     * @param maxBulkSize the largest body of one bulk request
     * @param maxBulkLines the most lines one bulk request may hold
     */
    public record Limits(
            @NotNull @DefaultValue("1000KB") DataSize maxRecordSize,
            @NotNull @DefaultValue("10MB") DataSize maxBulkSize,
            @Min(1) @Max(100_000) @DefaultValue("10000") int maxBulkLines) {
    }

    /**
     * @param keys the API keys by name; only their SHA-256 is configured, never the key itself. With none, every
     *        write is refused with a 401 that says how to configure one.
     * @param rateLimit each key's rate, unless the key sets its own
     */
    public record Security(
            @DefaultValue Map<String, @Valid ApiKey> keys,
            @Valid @NotNull @DefaultValue RateLimit rateLimit) {
    }

    /**
     * @param sha256 the key's SHA-256 as 64 hex digits ({@code printf %s "$KEY" | sha256sum})
     * @param scopes what the key may do: {@code write} (the /api endpoints), {@code admin} (actuator beyond health)
     * @param rateLimit this key's own rate, or null for the common one
     */
    public record ApiKey(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits") String sha256,
            @NotEmpty Set<Scope> scopes,
            @Valid RateLimit rateLimit) {
    }

    /** A token bucket: {@code burst} requests at once, refilled at {@code requestsPerSecond}. */
    public record RateLimit(
            @Positive @DefaultValue("20") double requestsPerSecond,
            @Min(1) @DefaultValue("50") int burst) {
    }

    public record Elasticsearch(
            @NotBlank @DefaultValue("http://localhost:9200") String url,
            @NotNull @DefaultValue("2s") Duration connectTimeout,
            @NotNull @DefaultValue("5s") Duration socketTimeout) {
    }

    public record Aliases(
            @NotBlank @DefaultValue("articles") String articles,
            @NotBlank @DefaultValue("countries") String countries) {
    }

    /**
     * @param defaultTimeout how long {@code wait=searchable} waits when the request names no timeout
     * @param maxTimeout the longest timeout a request may ask for
     * @param pollInterval how often the wait asks Elasticsearch
     */
    public record Searchable(
            @NotNull @DefaultValue("5s") Duration defaultTimeout,
            @NotNull @DefaultValue("30s") Duration maxTimeout,
            @NotNull @DefaultValue("50ms") Duration pollInterval) {
    }
}
