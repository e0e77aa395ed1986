package dev.contentpipeline.index;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * @param elasticsearch where the indices live
 * @param topics the content topics consumed, one per type
 * @param aliases the alias each type's versioned index is read and written through
 * @param deadLetterSuffix appended to a topic's name to name its dead-letter topic
 * @param partitions partitions of the content and dead-letter topics when the indexer creates them
 * @param retry back-off between attempts at a batch that failed for a passing reason
 * @param maxRecordBytes a record larger than this is dead-lettered unread, as oversized
 * @param batch how many records, and how many bytes, one batch (and so one bulk request) may hold, and how long
 *              a poll waits for a batch to fill
 */
@Validated
@ConfigurationProperties("index")
public record IndexProperties(
        @Valid @NotNull @DefaultValue Elasticsearch elasticsearch,
        @Valid @NotNull @DefaultValue Topics topics,
        @Valid @NotNull @DefaultValue Aliases aliases,
        @NotBlank @DefaultValue(".DLT") String deadLetterSuffix,
        @Min(1) @DefaultValue("3") int partitions,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotNull @DefaultValue("1MB") DataSize maxRecordBytes,
        @Valid @NotNull @DefaultValue Batch batch) {

    public record Elasticsearch(
            @NotBlank @DefaultValue("http://localhost:9200") String url,
            @NotNull @DefaultValue("5s") Duration connectTimeout,
            @NotNull @DefaultValue("60s") Duration socketTimeout,
            @NotNull @DefaultValue("120s") Duration startupTimeout) {
    }

    public record Topics(
            @NotBlank @DefaultValue("content.articles") String articles,
            @NotBlank @DefaultValue("content.countries") String countries) {
    }

    public record Aliases(
            @NotBlank @DefaultValue("articles") String articles,
            @NotBlank @DefaultValue("countries") String countries) {
    }

    public record Batch(
            @Min(1) @DefaultValue("1000") int maxRecords,
            @NotNull @DefaultValue("16MB") DataSize maxBytes,
            @NotNull @DefaultValue("50ms") Duration linger) {
    }

    public record Retry(
            @NotNull @DefaultValue("500ms") Duration initialInterval,
            @NotNull @DefaultValue("30s") Duration maxInterval) {
    }
}
