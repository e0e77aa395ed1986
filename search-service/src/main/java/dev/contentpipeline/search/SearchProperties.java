package dev.contentpipeline.search;

import dev.contentpipeline.apikeys.ApiKeySettings;
import dev.contentpipeline.apikeys.RateLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param defaultSize results per page when the request names none
 * @param maxSize the largest page a request may ask for
 * @param trackTotalHitsUpTo hits are counted exactly up to this many; past it, {@code total} is a lower bound
 * @param didYouMeanBelow a query finding fewer hits than this gets a "did you mean", when one finds more, unless its
 *        best hit has the whole query as its name, an alias or its title
 * @param typosBelow a query is searched with its words as typed first, and again with typos only when that found
 *        fewer hits than this (Algolia's "min" typo tolerance, with a page's room): typo automata cost Elasticsearch
 *        about half of a search over many segments (README, "Search, round 11"); 0 looks for typos in the first and
 *        only request, always
 * @param countriesRefresh how long the countries read for regions, facet labels and country cards are kept
 * @param security keys for the actuator beyond health (scope admin)
 * @param clientRateLimit each reader's rate over the search API
 * @param limits the Elasticsearch work one request may cause
 */
@Validated
@ConfigurationProperties("search")
public record SearchProperties(
        @Min(1) @DefaultValue("10") int defaultSize,
        @Min(1) @Max(100) @DefaultValue("100") int maxSize,
        @Min(1) @DefaultValue("10000") int trackTotalHitsUpTo,
        @Min(0) @DefaultValue("3") int didYouMeanBelow,
        @Min(0) @DefaultValue("10") int typosBelow,
        @NotNull @DefaultValue("60s") Duration countriesRefresh,
        @Valid @NotNull @DefaultValue ApiKeySettings security,
        @Valid @NotNull @DefaultValue ClientRateLimit clientRateLimit,
        @Valid @NotNull @DefaultValue Limits limits) {

    /**
     * @param requestTimeout the time all of one request's Elasticsearch calls may take together; past it, 504
     * @param maxInFlight searches sent to Elasticsearch at once, over all requests
     * @param queueWait how long a request waits for one of those turns before it is answered 503
     */
    public record Limits(
            @NotNull @DefaultValue("5s") Duration requestTimeout,
            @Min(1) @DefaultValue("48") int maxInFlight,
            @NotNull @DefaultValue("1s") Duration queueWait) {
    }

    /**
     * A token bucket per client: generous for a person typing (search as you type sends a search and a suggestion
     * a keystroke) and for a few people behind one address, tight enough that one client cannot take the engine.
     *
     * @param requestsPerSecond the steady rate
     * @param burst how many at once
     * @param clientHeader a header naming the client, set by a trusted proxy in front ({@code X-Forwarded-For});
     *        empty to use the connection's address
     */
    public record ClientRateLimit(
            @Positive @DefaultValue("50") double requestsPerSecond,
            @Min(1) @DefaultValue("100") int burst,
            @DefaultValue("") String clientHeader) {

        public RateLimit limit() {
            return new RateLimit(this.requestsPerSecond, this.burst);
        }
    }
}
