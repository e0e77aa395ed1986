package dev.contentpipeline.localstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * A random API key for a locally started ingest-service: the service is given only its SHA-256 (through its
 * environment), the caller keeps the key to send as {@code Authorization: Bearer <key>}.
 */
public record IngestApiKey(String name, String key) {

    /** A new key with the write and admin scopes, named {@code name} (letters and digits only). */
    public static IngestApiKey random(String name) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new IngestApiKey(name, HexFormat.of().formatHex(bytes));
    }

    /** The environment that configures ingest-service with this key, and a rate limit no local run reaches. */
    public Map<String, String> environment() {
        String prefix = "INGEST_SECURITY_KEYS_" + this.name.toUpperCase(java.util.Locale.ROOT) + "_";
        return Map.of(prefix + "SHA256", sha256(),
                prefix + "SCOPES", "write,admin",
                prefix + "RATELIMIT_REQUESTSPERSECOND", "100000",
                prefix + "RATELIMIT_BURST", "100000");
    }

    /**
     * The environment that makes this key the operator's key of index-service's management API or of
     * search-service's actuator: {@code INDEX} or {@code SEARCH}.
     */
    public Map<String, String> adminEnvironment(String service) {
        String prefix = service + "_SECURITY_KEYS_" + this.name.toUpperCase(java.util.Locale.ROOT) + "_";
        return Map.of(prefix + "SHA256", sha256(), prefix + "SCOPES", "admin");
    }

    /** The {@code Authorization} header's value. */
    public String authorization() {
        return "Bearer " + this.key;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(this.key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }
}
