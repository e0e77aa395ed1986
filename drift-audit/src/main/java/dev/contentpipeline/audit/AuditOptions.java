package dev.contentpipeline.audit;

import dev.contentpipeline.model.ContentType;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line.
 *
 * @param repair publish again what drifted
 * @param types the content types to audit
 * @param first how many ids of each kind of drift the report lists
 * @param runSize topic entries held in memory before a sorted run is spilled to disk
 * @param pageSize documents per search_after page
 * @param tempDir where the sorted runs go
 */
record AuditOptions(boolean repair, List<ContentType> types, int first, int runSize, int pageSize, Path tempDir) {

    static final String USAGE = """
            usage: drift-audit/audit [--repair] [--type=article|country] [--first=20] [--run-size=100000]
                                     [--page-size=5000] [--temp-dir=DIR]
              Compares the content topics with the indices behind the aliases and reports missing, stale, ghost
              and ahead documents; --repair publishes the drifted ids' records again for the indexer to write.
              Settings from the environment, as the services read them: KAFKA_BOOTSTRAP_SERVERS, ELASTICSEARCH_URL,
              ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD, ELASTICSEARCH_CA, ELASTICSEARCH_TLS_CIPHER_SUITES,
              CONTENT_TOPICS_ARTICLES, CONTENT_TOPICS_COUNTRIES, CONTENT_ALIASES_ARTICLES, CONTENT_ALIASES_COUNTRIES,
              INDEX_MAXRECORDBYTES.
              Exit status: 0 no drift (or all of it re-published), 1 drift found, 2 could not audit.""";

    static AuditOptions parse(String... args) {
        boolean repair = false;
        List<ContentType> types = List.of(ContentType.values());
        int first = 20;
        int runSize = 100_000;
        int pageSize = 5_000;
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--repair" -> repair = true;
                case "--type" -> types = List.of(ContentType.fromWireName(value));
                case "--first" -> first = positive(arg, value, 0);
                case "--run-size" -> runSize = positive(arg, value, 1);
                case "--page-size" -> pageSize = Math.min(positive(arg, value, 1), 10_000);
                case "--temp-dir" -> tempDir = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'");
            }
        }
        return new AuditOptions(repair, types, first, runSize, pageSize, tempDir);
    }

    private static int positive(String arg, String value, int least) {
        try {
            int number = Integer.parseInt(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(arg + ": a whole number of at least " + least + " expected");
    }
}
