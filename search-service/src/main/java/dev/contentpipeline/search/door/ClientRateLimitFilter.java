package dev.contentpipeline.search.door;

import dev.contentpipeline.apikeys.Problems;
import dev.contentpipeline.apikeys.TokenBuckets;
import dev.contentpipeline.search.SearchProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Each client's rate over the search API: a token bucket per client address (or per value of a header a trusted
 * proxy sets, when configured). Over it, a 429 with Retry-After. At most 100,000 clients are tracked at once.
 */
final class ClientRateLimitFilter extends OncePerRequestFilter {

    private final SearchProperties.ClientRateLimit settings;

    private final TokenBuckets buckets = new TokenBuckets(100_000);

    ClientRateLimitFilter(SearchProperties.ClientRateLimit settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = client(request);
        long waitNanos = this.buckets.acquire(client, this.settings.limit());
        if (waitNanos > 0) {
            Problems.tooManyRequests(response, waitNanos, "This client is over its rate of "
                    + this.settings.limit().requestsPerSecond() + " searches a second");
            return;
        }
        chain.doFilter(request, response);
    }

    private String client(HttpServletRequest request) {
        String header = this.settings.clientHeader();
        if (header != null && !header.isBlank()) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                // The first address of X-Forwarded-For is the client's, as the trusted proxy saw it.
                return value.split(",")[0].strip();
            }
        }
        return request.getRemoteAddr();
    }
}
