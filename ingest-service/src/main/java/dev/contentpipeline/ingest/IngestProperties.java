package dev.contentpipeline.ingest;

import dev.contentpipeline.apikeys.ApiKeySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param publishTimeout how long a request waits for the broker's acknowledgement before answering 503; also
 *        bounds the producer's own blocking and delivery time
 * @param bulkPublishTimeout the same for a whole bulk request: all its records are sent at once, and all their
 *        acknowledgements awaited within this time
 * @param brokerCheckTimeout how long the readiness check waits for the broker to describe its cluster
 * @param limits request sizes
 * @param security API keys and their rate limit
 * @param searchable how {@code wait=searchable} waits
 * @param acceptedVersionsKept how many ids' acknowledged versions this instance remembers
 */
@Validated
@ConfigurationProperties("ingest")
public record IngestProperties(
        @NotNull @DefaultValue("5s") Duration publishTimeout,
        @NotNull @DefaultValue("30s") Duration bulkPublishTimeout,
        @NotNull @DefaultValue("2s") Duration brokerCheckTimeout,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue ApiKeySettings security,
        @Valid @NotNull @DefaultValue Searchable searchable,
        @Min(1) @DefaultValue("100000") int acceptedVersionsKept) {

    /**
     * @param maxRecordSize the largest record: the body of one PUT, one line of a bulk request. Kept under the
     *        1 MB that the broker takes in one record, and index-service indexes, by default
     * @param maxBulkSize the largest body of one bulk request
     * @param maxBulkLines the most lines one bulk request may hold
     * @param bulkBytesInFlight the most bytes of bulk bodies this instance reads and publishes at once (each counts
     *        its Content-Length, or the largest allowed body when it declares none); a bulk request waits for
     *        room up to the publish timeout, then gets a 503. A bulk is held in the heap more than once (the
     *        body, its records, the producer's batches): eight 10 MB bulks at once ran a 160 MB heap out of memory,
     *        and the default, two full-size bulks, keeps the service within its 128 MB heap however many clients
     *        send at once
     */
    public record Limits(
            @NotNull @DefaultValue("1000KB") DataSize maxRecordSize,
            @NotNull @DefaultValue("10MB") DataSize maxBulkSize,
            @Min(1) @Max(100_000) @DefaultValue("10000") int maxBulkLines,
            @NotNull @DefaultValue("20MB") DataSize bulkBytesInFlight) {
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
