package dev.contentpipeline.ingest.security;

import dev.contentpipeline.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured API keys, known only by their SHA-256: a presented key is hashed and looked up, so neither
 * the configuration nor this process's memory holds a usable key.
 */
@Component
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    /** A configured key, by name. */
    record Key(String name, IngestProperties.ApiKey settings) {
    }

    private final Map<String, Key> bySha256;

    ApiKeys(IngestProperties properties) {
        this.bySha256 = properties.security().keys().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getValue().sha256().toLowerCase(Locale.ROOT),
                entry -> new Key(entry.getKey(), entry.getValue())));
        if (bySha256.isEmpty()) {
            log.warn("No API keys are configured: every write will be refused with 401. Configure one with "
                    + "INGEST_SECURITY_KEYS_<NAME>_SHA256 and INGEST_SECURITY_KEYS_<NAME>_SCOPES.");
        } else {
            log.info("API keys configured: {}", bySha256.values().stream().map(Key::name).sorted().toList());
        }
    }

    boolean noneConfigured() {
        return bySha256.isEmpty();
    }

    Optional<Key> find(String presented) {
        return Optional.ofNullable(bySha256.get(sha256(presented)));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
