package dev.contentpipeline.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param elasticsearch where the indices live
 * @param aliases the alias each type's index is read through
 * @param defaultSize results per page when the request names none
 * @param maxSize the largest page a request may ask for
 */
@Validated
@ConfigurationProperties("search")
public record SearchProperties(
        @Valid @NotNull @DefaultValue Elasticsearch elasticsearch,
        @Valid @NotNull @DefaultValue Aliases aliases,
        @Min(1) @DefaultValue("10") int defaultSize,
        @Min(1) @Max(1000) @DefaultValue("100") int maxSize) {

    public record Elasticsearch(
            @NotBlank @DefaultValue("http://localhost:9200") String url,
            @NotNull @DefaultValue("5s") Duration connectTimeout,
            @NotNull @DefaultValue("30s") Duration socketTimeout) {
    }

    public record Aliases(
            @NotBlank @DefaultValue("articles") String articles,
            @NotBlank @DefaultValue("countries") String countries) {
    }
}
