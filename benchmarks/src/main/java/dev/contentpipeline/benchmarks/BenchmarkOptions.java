package dev.contentpipeline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run measures and how long each phase lasts. The defaults fit a 2-core machine in about ten minutes.
 *
 * @param docs articles in the corpus, loaded by each throughput phase
 * @param sweepDocs articles each bulk configuration of the sweep loads
 * @param seed the corpus's seed: the same seed gives the same articles
 * @param freshnessRates PUTs per second of each freshness step
 * @param freshnessTime how long each freshness step writes
 * @param searchRate queries per second of the fixed-rate search measurement
 * @param searchTime how long the fixed-rate measurement runs against each target, in alternating rounds
 * @param stepTime how long each step of the highest-sustainable-rate search lasts
 * @param searchSlo the p99 a search rate must keep to count as sustained
 * @param profile whether the services and Elasticsearch record JFR execution samples, summarised per phase
 * @param curve corpus sizes at which, after the main run, search latency and the backlog drain are measured again
 */
record BenchmarkOptions(int docs, int sweepDocs, long seed, List<Integer> freshnessRates, Duration freshnessTime,
        int searchRate, Duration searchTime, Duration stepTime, Duration searchSlo, boolean profile, List<Integer> curve,
        Path root, Path out, Path ingestJar, Path indexJar, Path searchJar) {

    static final String USAGE = """
            benchmarks/run [--docs=50000] [--sweep-docs=N] [--seed=7] [--freshness-rates=100,500]
                           [--freshness-seconds=20] [--search-rate=20] [--search-seconds=16] [--step-seconds=4]
                           [--search-slo-ms=150] [--no-profile] [--curve=10000,50000,200000]
                           [--out=benchmarks/results]
                           [--ingest-jar=...] [--index-jar=...] [--search-jar=...]""";

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'\n" + USAGE);
            }
            int equals = arg.indexOf('=');
            given.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals), equals < 0 ? "" : arg.substring(equals + 1));
        }
        Path root = projectRoot();
        int docs = integer(given.remove("docs"), 50_000);
        String version = System.getProperty("benchmarks.version", "0.1.0-SNAPSHOT");
        BenchmarkOptions options = new BenchmarkOptions(docs,
                integer(given.remove("sweep-docs"), Math.max(200, Math.min(2_500, docs / 10))),
                integer(given.remove("seed"), 7),
                integers(given.remove("freshness-rates"), "100,500"),
                Duration.ofSeconds(integer(given.remove("freshness-seconds"), 20)),
                integer(given.remove("search-rate"), 20),
                Duration.ofSeconds(integer(given.remove("search-seconds"), 16)),
                Duration.ofSeconds(integer(given.remove("step-seconds"), 4)),
                Duration.ofMillis(integer(given.remove("search-slo-ms"), 150)),
                given.remove("no-profile") == null,
                integers(given.remove("curve"), ""),
                root,
                path(root, given.remove("out"), "benchmarks/results"),
                path(root, given.remove("ingest-jar"), "ingest-service/target/ingest-service-" + version + "-exec.jar"),
                path(root, given.remove("index-jar"), "index-service/target/index-service-" + version + "-exec.jar"),
                path(root, given.remove("search-jar"), "search-service/target/search-service-" + version + "-exec.jar"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + given.keySet() + "\n" + USAGE);
        }
        options.check();
        return options;
    }

    /** The same options with the services' jars elsewhere (copies that a build cannot remove mid-run). */
    BenchmarkOptions withJarsIn(Path folder) {
        return new BenchmarkOptions(docs, sweepDocs, seed, freshnessRates, freshnessTime, searchRate, searchTime,
                stepTime, searchSlo, profile, curve, root, out, folder.resolve(ingestJar.getFileName()),
                folder.resolve(indexJar.getFileName()), folder.resolve(searchJar.getFileName()));
    }

    private void check() {
        if (docs < 100 || sweepDocs < 50 || searchRate < 1 || freshnessRates.stream().anyMatch(r -> r < 1)
                || curve.stream().anyMatch(n -> n < 100)) {
            throw new IllegalArgumentException("--docs and each --curve size must be at least 100, --sweep-docs at "
                    + "least 50, rates positive");
        }
        for (Path jar : List.of(ingestJar, indexJar, searchJar)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " is missing: build the services first (mvn -B -DskipTests "
                        + "install), or name the jar with --ingest-jar, --index-jar, --search-jar");
            }
        }
    }

    /** The checkout: the folder holding benchmarks/pom.xml, from the working directory up. */
    private static Path projectRoot() {
        String configured = System.getProperty("benchmarks.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("benchmarks/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("Run from inside the checkout (no benchmarks/pom.xml above "
                + Path.of("").toAbsolutePath() + ")");
    }

    private static Path path(Path root, String value, String fallback) {
        return root.resolve(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }

    /** A comma-separated list of whole numbers; empty for an empty value. */
    private static List<Integer> integers(String value, String fallback) {
        String list = value == null ? fallback : value;
        return Arrays.stream(list.split(",")).map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> integer(n, 0)).toList();
    }

    private static int integer(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a whole number: '" + value + "'\n" + USAGE);
        }
    }
}
