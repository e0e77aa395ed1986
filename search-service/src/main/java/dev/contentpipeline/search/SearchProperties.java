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
 * @param trackTotalHitsUpTo hits are counted exactly up to this many; past it, {@code total} is a lower bound
 * @param didYouMeanBelow a query finding fewer hits than this gets a "did you mean", when one finds more
 * @param countriesRefresh how long the countries read for regions, facet labels and country cards are kept
 */
@Validated
@ConfigurationProperties("search")
public record SearchProperties(
        @Valid @NotNull @DefaultValue Elasticsearch elasticsearch,
        @Valid @NotNull @DefaultValue Aliases aliases,
        @Min(1) @DefaultValue("10") int defaultSize,
        @Min(1) @Max(100) @DefaultValue("100") int maxSize,
        @Min(1) @DefaultValue("10000") int trackTotalHitsUpTo,
        @Min(0) @DefaultValue("3") int didYouMeanBelow,
        @NotNull @DefaultValue("60s") Duration countriesRefresh) {

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
