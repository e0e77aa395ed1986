package dev.contentpipeline.apikeys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The key check of one service: each request's path decides the scope it needs (or none), the key comes as
 * {@code Authorization: Bearer <key>} and is known only by its SHA-256, then the key's rate limit applies. Answers
 * 401, 403 and 429 (with Retry-After) as problem bodies. The name of the key that passed is left in the request
 * attribute {@link #KEY_NAME}, for logs of who asked.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    /** The request attribute holding the name of the key that passed. */
    public static final String KEY_NAME = ApiKeyFilter.class.getName() + ".key";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private static final String BEARER = "Bearer ";

    /**
     * One digest per thread: {@code MessageDigest.getInstance} looked the provider up again for every request, a
     * percent of ingest-service's CPU per single PUT, five times the hashing itself (README, round 40).
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    });

    private record Named(String name, ApiKey key) {
    }

    private final String realm;

    private final String settingsPrefix;

    private final Function<String, Optional<Scope>> requiredScope;

    private final Map<String, Named> bySha256;

    private final RateLimit common;

    private final TokenBuckets buckets = new TokenBuckets(10_000);

    /**
     * @param realm the service, as the challenge names it ({@code ingest}, {@code index}, {@code search})
     * @param settingsPrefix where keys are configured, for messages ({@code INGEST_SECURITY_KEYS})
     * @param requiredScope from the request's decoded, normalised path to the scope it needs, empty for public paths
     */
    public ApiKeyFilter(String realm, String settingsPrefix, ApiKeySettings settings,
            Function<String, Optional<Scope>> requiredScope) {
        this.realm = realm;
        this.settingsPrefix = settingsPrefix;
        this.requiredScope = requiredScope;
        this.common = settings.rateLimit();
        this.bySha256 = settings.keys().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                (entry) -> entry.getValue().sha256().toLowerCase(Locale.ROOT),
                (entry) -> new Named(entry.getKey(), entry.getValue()), (one, other) -> {
                    throw new IllegalStateException("The API keys '" + one.name() + "' and '" + other.name()
                            + "' have the same SHA-256: give one key both scopes instead");
                }));
        if (this.bySha256.isEmpty()) {
            log.warn("No API keys are configured: every request that needs one will be refused with 401. Configure "
                    + "one with {}_<NAME>_SHA256 and {}_<NAME>_SCOPES.", settingsPrefix, settingsPrefix);
        }
        else {
            log.info("API keys configured: {}", this.bySha256.values().stream().map(Named::name).sorted().toList());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Scope> required = this.requiredScope.apply(path(request));
        if (required.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String scope = required.get().name().toLowerCase(Locale.ROOT);
        if (this.bySha256.isEmpty()) {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "no-keys-configured", "No API keys configured",
                    "This " + this.realm + "-service has no API keys, so it refuses every request that needs one. "
                            + "Configure one by its SHA-256: " + this.settingsPrefix + "_<NAME>_SHA256=<hex> and "
                            + this.settingsPrefix + "_<NAME>_SCOPES=" + scope + ".", null);
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "missing-api-key", "API key required",
                    "Send an API key as 'Authorization: Bearer <key>'.", "Bearer realm=\"" + this.realm + "\"");
            return;
        }
        Named key = this.bySha256.get(sha256(authorization.substring(BEARER.length()).strip()));
        if (key == null) {
            Problems.write(response, HttpStatus.UNAUTHORIZED, "invalid-api-key", "Unknown API key",
                    "The API key is not one this service knows.",
                    "Bearer realm=\"" + this.realm + "\", error=\"invalid_token\"");
            return;
        }
        if (!key.key().scopes().contains(required.get())) {
            Problems.write(response, HttpStatus.FORBIDDEN, "insufficient-scope", "Insufficient scope",
                    "The key '" + key.name() + "' lacks the " + scope + " scope this request needs.",
                    "Bearer realm=\"" + this.realm + "\", error=\"insufficient_scope\"");
            return;
        }
        long waitNanos = this.buckets.acquire(key.name(),
                key.key().rateLimit() != null ? key.key().rateLimit() : this.common);
        if (waitNanos > 0) {
            Problems.tooManyRequests(response, waitNanos, "The key '" + key.name() + "' is over its rate limit");
            return;
        }
        request.setAttribute(KEY_NAME, key.name());
        chain.doFilter(request, response);
    }

    /**
     * The servlet path, which the container has already decoded and normalised, as the handler mapping sees it:
     * a rule on it cannot be dodged with {@code %2F} or {@code ..}.
     */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /**
     * The filter registered ahead of every other of the service's filters, for a service whose keys are configured
     * under {@code <realm>.security} ({@code <REALM>_SECURITY_KEYS_<NAME>_SHA256}).
     */
    public static FilterRegistrationBean<ApiKeyFilter> registration(String realm, ApiKeySettings settings,
            Function<String, Optional<Scope>> requiredScope) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(realm,
                realm.toUpperCase(Locale.ROOT) + "_SECURITY_KEYS", settings, requiredScope));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Whether the path is the prefix or under it. */
    public static boolean isOrUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The hex SHA-256 of a presented key. */
    public static String sha256(String key) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
