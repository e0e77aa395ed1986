package dev.contentpipeline.apikeys;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Refusals written by a servlet filter, before any controller: RFC 9457 problem bodies as the services use them. */
public final class Problems {

    private Problems() {
    }

    /**
     * @param type the last part of the problem type ({@code urn:content-pipeline:problem:<type>})
     * @param challenge a {@code WWW-Authenticate} value, or null
     */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String title,
            String detail, String challenge) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:content-pipeline:problem:" + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonMapper.shared().writeValue(response.getOutputStream(), problem);
    }

    /** A 429 with {@code Retry-After} in whole seconds. */
    public static void tooManyRequests(HttpServletResponse response, long waitNanos, String detail)
            throws IOException {
        long seconds = TokenBuckets.retryAfterSeconds(waitNanos);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                detail + "; retry after " + seconds + " s.", null);
    }
}
