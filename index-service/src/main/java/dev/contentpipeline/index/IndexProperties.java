package dev.contentpipeline.index;

import dev.contentpipeline.apikeys.ApiKeySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * @param security the management API's keys (scope admin) and their rate limit
 * @param deadLetters what the dead-letter API reads and returns at most
 * @param retry back-off between attempts at a batch that failed for a passing reason
 * @param maxRecordBytes a record larger than this is dead-lettered unread, as oversized
 * @param batch how many records, and how many bytes, one batch (and so one bulk request) may hold, and how long
 *              a poll waits for a batch to fill
 * @param countryNames how the articles naming a changed country are written again with its new names
 * @param rebuild how a rebuild replays the topics into the next index version
 * @param mergeAfterLoad when the live indices are merged down to a few segments, after a load
 */
@Validated
@ConfigurationProperties("index")
public record IndexProperties(
        @Valid @NotNull @DefaultValue ApiKeySettings security,
        @Valid @NotNull @DefaultValue DeadLetters deadLetters,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotNull @DefaultValue("1MB") DataSize maxRecordBytes,
        @Valid @NotNull @DefaultValue Batch batch,
        @Valid @NotNull @DefaultValue CountryNames countryNames,
        @Valid @NotNull @DefaultValue Rebuild rebuild,
        @Valid @NotNull @DefaultValue MergeAfterLoad mergeAfterLoad) {

    /**
     * @param maxRecords the most records one batch holds
     * @param maxBytes about the most bytes one batch holds, and one fetch of the other consumers: with up to
     *                 {@code bulksInFlight} batches held at once, each with its bulk body, and the next fetch, this
     *                 bounds the heap the indexer needs, and the JDK's temporary native buffer for each socket read of
     *                 a fetch is as large as the fetch's unread rest (1 MB, some 200 articles of 5 KB: a 96 MB heap
     *                 drains as fast as 4 MB did in 112 MB, some 25 MB lower at peak and with a tenth less CPU, as it
     *                 needs fewer full collections)
     * @param minBytes the bytes a poll waits for, up to {@code linger}, before it returns a batch: a trickle of single
     *                 writes then makes one bulk request per linger rather than one per record or two, which
     *                 Elasticsearch pays for per request
     * @param linger the longest a poll waits for {@code minBytes}; part of every write's time to searchable when
     *               writes trickle in, never when a backlog waits
     * @param firstRecords a consumer's first poll is written in two steps, the first of at most this many records:
     *                     on a backlog, the first documents reach Elasticsearch while the code that maps them still
     *                     runs cold, instead of after a whole poll of it
     * @param bulksInFlight how many batches one poll of the listener may hold, written at once in as many bulk
     *                     requests: one consumer then keeps Elasticsearch's cores busy on a backlog, and the broker
     *                     serves one consumer's fetches rather than one per partition
     */
    public record Batch(
            @Min(1) @DefaultValue("1000") int maxRecords,
            @NotNull @DefaultValue("1MB") DataSize maxBytes,
            @NotNull @DefaultValue("1MB") DataSize minBytes,
            @NotNull @DefaultValue("200ms") Duration linger,
            @Min(1) @DefaultValue("100") int firstRecords,
            @Min(1) @Max(16) @DefaultValue("4") int bulksInFlight) {
    }

    /**
     * @param pageSize how many articles are read, and written again in one bulk request, at a time: the memory a
     *                 country change takes is one page of articles, however many name the country
     */
    public record CountryNames(
            @Min(1) @Max(10000) @DefaultValue("500") int pageSize) {
    }

    /**
     * @param maxRecordsPerSecond the most records a rebuild (or a rollback's catch-up) replays a second, so that it
     *                            leaves Elasticsearch room for live writes and searches; 0 for no limit
     * @param maxAttempts how many times a rebuild tries a batch Elasticsearch could not take (with the back-off of
     *                    {@code index.retry}) before it gives up, leaving the aliases where they were
     * @param mergeToSegments the segments a rebuilt version is merged down to before the aliases move to it, 0 for no
     *                        merge (fewer segments, cheaper searches; 50,000 articles merged in 19 s)
     * @param mergeTimeout the longest the rebuild waits for that merge; past it, the aliases move to the version as
     *                     it is
     */
    public record Rebuild(
            @Min(0) @DefaultValue("0") int maxRecordsPerSecond,
            @Min(1) @Max(100) @DefaultValue("10") int maxAttempts,
            @Min(0) @Max(100) @DefaultValue("1") int mergeToSegments,
            @NotNull @DefaultValue("30m") Duration mergeTimeout) {
    }

    /**
     * @param minDocuments the documents the listener must have written since the last merge for a merge to be due;
     *                     0 for no merges (Elasticsearch's own merges only)
     * @param quiet how long the topics must bring nothing before a due merge starts: a load is over
     * @param segmentSize the merge aims at one segment per this much of the articles' primary data (at least one),
     *                    so that no segment comes near the 5 GB beyond which Elasticsearch leaves it out of its
     *                    later merges
     * @param timeout the longest one merge is waited for; past it (as after a failure), it is tried again a minute
     *                later, once the topics are quiet
     */
    public record MergeAfterLoad(
            @Min(0) @DefaultValue("10000") long minDocuments,
            @NotNull @DefaultValue("10s") Duration quiet,
            @NotNull @DefaultValue("2GB") DataSize segmentSize,
            @NotNull @DefaultValue("30m") Duration timeout) {
    }

    public record Retry(
            @NotNull @DefaultValue("500ms") Duration initialInterval,
            @NotNull @DefaultValue("30s") Duration maxInterval) {
    }

    /**
     * @param maxPageSize the most dead letters one listing, or one re-drive request, may hold
     * @param excerptBytes how much of each value a listing shows (the whole value is read by position)
     * @param ledgerTopic the compacted topic remembering which dead letters were re-driven
     */
    public record DeadLetters(
            @Min(1) @Max(1000) @DefaultValue("100") int maxPageSize,
            @Min(16) @Max(65536) @DefaultValue("1024") int excerptBytes,
            @NotBlank @DefaultValue("content.dead-letters.redriven") String ledgerTopic) {
    }
}
