package dev.contentpipeline.ingest.door;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id}, else the trace id of its W3C {@code traceparent},
 * else a new one. It is answered in {@code X-Request-Id}, put on this service's log lines (MDC {@code requestId})
 * and, by the publisher, into the Kafka header {@code request-id} of every record the request publishes, which the
 * indexer logs with the record.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";

    static final String MDC_KEY = "requestId";

    /** What a caller may send as an id: printable, short, nothing that could forge a log line. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = requestId(request);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String requestId(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        if (given != null && ACCEPTED.matcher(given.strip()).matches()) {
            return given.strip();
        }
        String traceparent = request.getHeader("traceparent");
        if (traceparent != null) {
            var trace = TRACEPARENT.matcher(traceparent.strip());
            if (trace.matches()) {
                return trace.group(1);
            }
        }
        return UUID.randomUUID().toString();
    }
}
