package dev.contentpipeline.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param topics where each content type is published
 * @param partitions partitions of each topic when ingest creates it
 * @param publishTimeout how long a request waits for the broker's acknowledgement before answering 503
 */
@Validated
@ConfigurationProperties("ingest")
public record IngestProperties(
        @Valid @NotNull @DefaultValue Topics topics,
        @Min(1) @DefaultValue("3") int partitions,
        @NotNull @DefaultValue("5s") Duration publishTimeout) {

    public record Topics(
            @NotBlank @DefaultValue("content.articles") String articles,
            @NotBlank @DefaultValue("content.countries") String countries) {
    }
}
