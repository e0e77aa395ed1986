package dev.contentpipeline.search.door;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.transport.endpoints.BinaryEndpoint;
import co.elastic.clients.transport.endpoints.BinaryResponse;
import co.elastic.clients.transport.endpoints.SimpleEndpoint;
import co.elastic.clients.util.BinaryData;
import dev.contentpipeline.connections.ElasticsearchClients;
import dev.contentpipeline.search.SearchProperties;
import org.apache.http.client.config.RequestConfig;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bounds on the Elasticsearch work one search request may cause: at most {@code search.max-in-flight} searches
 * go to Elasticsearch at once (a request that cannot get a turn within {@code search.queue-wait} is answered 503
 * rather than queued without end), and each request has {@code search.request-timeout} for all its Elasticsearch
 * calls together (past it, 504; a call cut short closes its connection, which makes Elasticsearch cancel it).
 */
@Component
public class SearchGate {

    /** The time left to one request. */
    public static final class Deadline {

        private final long endNanos;

        private Deadline(long endNanos) {
            this.endNanos = endNanos;
        }

        long remainingMillis() {
            return TimeUnit.NANOSECONDS.toMillis(this.endNanos - System.nanoTime());
        }

        /** Whether a further, optional call (a fallback, a spelling) still has a fair share of the time. */
        public boolean allowsMore(Duration timeout) {
            return remainingMillis() > timeout.toMillis() / 2;
        }
    }

    private static final BinaryEndpoint<SearchRequest> SEARCH = asBytes(SearchRequest._ENDPOINT);

    /** What the client's {@code _msearch} sends (the same path and parameters), with a body written already. */
    static final BinaryEndpoint<BinaryData> MULTI_SEARCH = new BinaryEndpoint<>("es/msearch", body -> "POST",
            body -> "/_msearch", body -> Map.of(), body -> Map.of("typed_keys", "true"), body -> Map.of(),
            body -> body, null);

    private final ElasticsearchClient client;

    private final SearchProperties.Limits limits;

    private final Semaphore inFlight;

    SearchGate(ElasticsearchClient client, SearchProperties properties) {
        this.client = client;
        this.limits = properties.limits();
        this.inFlight = new Semaphore(this.limits.maxInFlight(), true);
    }

    public Deadline start() {
        return new Deadline(System.nanoTime() + this.limits.requestTimeout().toNanos());
    }

    public Duration requestTimeout() {
        return this.limits.requestTimeout();
    }

    public <T> SearchResponse<T> search(Deadline deadline, SearchRequest request, Class<T> type) throws IOException {
        return admitted(deadline, client -> client.search(request, type));
    }

    /**
     * One search whose hits and counts search-service reads: sent as the client sends it, its answer read by
     * {@link SearchAnswers}.
     */
    public SearchAnswer find(Deadline deadline, SearchRequest request) throws IOException {
        return admitted(deadline, client -> {
            try (BinaryResponse answer = client._transport().performRequest(request, SEARCH,
                    client._transportOptions())) {
                return SearchAnswers.one(answer.content());
            }
        });
    }

    /**
     * Several searches in one {@code _msearch}, its body written already (each search's header and body, a line each):
     * one round trip instead of one each, and Elasticsearch runs them side by side. The answers come in the order of
     * the searches; if any of them failed, its error is thrown as the same {@link ElasticsearchException} a search of
     * its own would have thrown.
     */
    public List<SearchAnswer> findAll(Deadline deadline, byte[] body) throws IOException {
        BinaryData lines = BinaryData.of(body, "application/json");
        return admitted(deadline, client -> {
            try (BinaryResponse answer = client._transport().performRequest(lines, MULTI_SEARCH,
                    client._transportOptions())) {
                return SearchAnswers.all(answer.content());
            }
        });
    }

    /** The client's own endpoint (the same method, path, parameters and body), its answer given as bytes. */
    private static <R> BinaryEndpoint<R> asBytes(SimpleEndpoint<R, ?> endpoint) {
        return new BinaryEndpoint<>(endpoint.id(), endpoint::method, endpoint::requestUrl, endpoint::pathParameters,
                endpoint::queryParameters, endpoint::headers, endpoint::body, null);
    }

    /**
     * A search as one item of an {@code _msearch}: the same indices, options and body. Only what search-service's
     * requests set is carried over; {@code SearchQueryFactoryTests} holds their JSON to be the same either way.
     */
    public static RequestItem item(SearchRequest request) {
        return RequestItem.of(i -> i
                .header(h -> h.index(request.index()).ignoreUnavailable(request.ignoreUnavailable())
                        .allowNoIndices(request.allowNoIndices()).searchType(request.searchType())
                        .requestCache(request.requestCache()))
                .body(b -> {
                    b.query(request.query()).postFilter(request.postFilter()).trackScores(request.trackScores())
                            .from(request.from()).size(request.size()).trackTotalHits(request.trackTotalHits())
                            .source(request.source()).highlight(request.highlight());
                    // An empty list or map would be sent as one ("search_after": [] is an error), so only what is set.
                    if (!request.sort().isEmpty()) {
                        b.sort(request.sort());
                    }
                    if (!request.searchAfter().isEmpty()) {
                        b.searchAfter(request.searchAfter());
                    }
                    if (!request.aggregations().isEmpty()) {
                        b.aggregations(request.aggregations());
                    }
                    return b;
                }));
    }

    /** One call to Elasticsearch, once a slot is free, within the time the request has left. */
    private <R> R admitted(Deadline deadline, Call<R> call) throws IOException {
        long left = deadline.remainingMillis();
        if (left <= 0) {
            throw new SearchTimeoutException(this.limits.requestTimeout());
        }
        boolean admitted;
        try {
            admitted = this.inFlight.tryAcquire(Math.min(left, this.limits.queueWait().toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SearchOverloadedException(this.limits.maxInFlight());
        }
        if (!admitted) {
            throw new SearchOverloadedException(this.limits.maxInFlight());
        }
        try {
            int timeout = (int) Math.max(1, deadline.remainingMillis());
            return call.on(ElasticsearchClients.withRequestConfig(this.client, RequestConfig.custom()
                    .setSocketTimeout(timeout).setConnectTimeout(timeout).setConnectionRequestTimeout(timeout)
                    .build()));
        }
        catch (SocketTimeoutException ex) {
            throw new SearchTimeoutException(this.limits.requestTimeout());
        }
        finally {
            this.inFlight.release();
        }
    }

    @FunctionalInterface
    private interface Call<R> {
        R on(ElasticsearchClient client) throws IOException;
    }

    /** Too many searches in flight: answered 503 with Retry-After. */
    public static final class SearchOverloadedException extends RuntimeException {

        SearchOverloadedException(int inFlight) {
            super("all " + inFlight + " search slots are taken");
        }
    }

    /** The request's time ran out: answered 504. */
    public static final class SearchTimeoutException extends RuntimeException {

        SearchTimeoutException(Duration timeout) {
            super("the search took longer than " + timeout.toMillis() + " ms");
        }
    }
}
