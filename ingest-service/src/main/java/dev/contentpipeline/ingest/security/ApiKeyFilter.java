package dev.contentpipeline.ingest.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Write access: the actuator beyond health needs a key with the admin scope, everything else but health and the
 * OpenAPI description (so all of /api) a key with the write scope. A key is sent as {@code Authorization: Bearer <key>}. Then
 * each key's rate limit. Answers 401, 403 and 429 as problem bodies; 429 with Retry-After.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final RateLimiter rateLimiter;
    private final JsonMapper json;

    ApiKeyFilter(ApiKeys keys, RateLimiter rateLimiter, JsonMapper json) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Scope> required = requiredScope(request);
        if (required.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (keys.noneConfigured()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "no-keys-configured", "No API keys configured",
                    "This ingest-service has no API keys, so it refuses every write. Configure one by its SHA-256: "
                            + "INGEST_SECURITY_KEYS_<NAME>_SHA256=<hex> and INGEST_SECURITY_KEYS_<NAME>_SCOPES=write.",
                    null);
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(response, HttpStatus.UNAUTHORIZED, "missing-api-key", "API key required",
                    "Send an API key as 'Authorization: Bearer <key>'.", "Bearer realm=\"ingest\"");
            return;
        }
        Optional<ApiKeys.Key> key = keys.find(authorization.substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            refuse(response, HttpStatus.UNAUTHORIZED, "invalid-api-key", "Unknown API key",
                    "The API key is not one this service knows.", "Bearer realm=\"ingest\", error=\"invalid_token\"");
            return;
        }
        if (!key.get().settings().scopes().contains(required.get())) {
            refuse(response, HttpStatus.FORBIDDEN, "insufficient-scope", "Insufficient scope",
                    "The key '" + key.get().name() + "' lacks the " + required.get().name().toLowerCase(java.util.Locale.ROOT)
                            + " scope this request needs.",
                    "Bearer realm=\"ingest\", error=\"insufficient_scope\"");
            return;
        }
        long waitNanos = rateLimiter.acquire(key.get());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            refuse(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "The key '" + key.get().name() + "' is over its rate limit; retry after " + seconds + " s.", null);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Public is an allow-list, so a path nobody thought of needs a key. Matched on the servlet path, which
     * the container has already decoded and normalised, as the handler mapping sees it.
     */
    static Optional<Scope> requiredScope(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (isOrUnder(path, "/actuator/health") || isOrUnder(path, "/v3/api-docs") || path.equals("/v3/api-docs.yaml")
                || path.equals("/error")) {
            return Optional.empty();
        }
        return Optional.of(isOrUnder(path, "/actuator") ? Scope.ADMIN : Scope.WRITE);
    }

    private static boolean isOrUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                        String challenge) throws IOException {
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
        json.writeValue(response.getOutputStream(), problem);
    }
}
