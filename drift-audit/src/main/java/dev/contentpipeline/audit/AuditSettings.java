package dev.contentpipeline.audit;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.connections.ElasticsearchSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the audit looks, read from the environment the services read ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code ELASTICSEARCH_URL}, {@code ELASTICSEARCH_USERNAME}/{@code _PASSWORD}/{@code _CA},
 * {@code CONTENT_TOPICS_*}, {@code CONTENT_ALIASES_*}, and index-service's {@code INDEX_MAXRECORDBYTES}), with the
 * services' defaults.
 *
 * @param maxRecordBytes records larger than this the indexer dead-letters unread, so the audit expects none of them
 */
record AuditSettings(String kafkaBootstrapServers, ElasticsearchSettings elasticsearch, ContentNames names,
        long maxRecordBytes) {

    static AuditSettings from(Map<String, String> env) {
        List<URI> urls = commaSeparated(env.getOrDefault("ELASTICSEARCH_URL", "http://localhost:9200")).stream()
                .map(URI::create).toList();
        String ca = blankToNull(env.get("ELASTICSEARCH_CA"));
        // A page of doc values answers in well under a second; the margin is for a busy two-core machine.
        ElasticsearchSettings elasticsearch = new ElasticsearchSettings(urls,
                blankToNull(env.get("ELASTICSEARCH_USERNAME")), blankToNull(env.get("ELASTICSEARCH_PASSWORD")),
                ca == null ? null : Path.of(ca), commaSeparated(env.get("ELASTICSEARCH_TLS_CIPHER_SUITES")),
                Duration.ofSeconds(5), Duration.ofSeconds(60), 4,
                Duration.ofSeconds(120));
        ContentNames names = new ContentNames(
                new ContentNames.Topics(env.getOrDefault("CONTENT_TOPICS_ARTICLES", "content.articles"),
                        env.getOrDefault("CONTENT_TOPICS_COUNTRIES", "content.countries"), ".DLT", 3),
                new ContentNames.Aliases(env.getOrDefault("CONTENT_ALIASES_ARTICLES", "articles"),
                        env.getOrDefault("CONTENT_ALIASES_COUNTRIES", "countries")));
        return new AuditSettings(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"), elasticsearch, names,
                bytes(env.getOrDefault("INDEX_MAXRECORDBYTES", "1MB")));
    }

    /** A size as Spring writes it: {@code 1048576}, {@code 512KB}, {@code 1MB}. */
    static long bytes(String size) {
        String text = size.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (text.endsWith("KB")) {
            unit = 1024;
        } else if (text.endsWith("MB")) {
            unit = 1024 * 1024;
        } else if (text.endsWith("GB")) {
            unit = 1024 * 1024 * 1024;
        }
        String digits = unit == 1 ? text.replaceFirst("B$", "") : text.substring(0, text.length() - 2);
        try {
            return Long.parseLong(digits.strip()) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("INDEX_MAXRECORDBYTES is a size such as 1MB, not '" + size + "'");
        }
    }

    /** A comma-separated list, each item stripped, blanks dropped; none for an unset or blank variable. */
    static List<String> commaSeparated(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(item -> !item.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
