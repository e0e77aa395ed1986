package dev.contentpipeline.audit;

import dev.contentpipeline.audit.drift.Drift;
import dev.contentpipeline.audit.drift.DriftKind;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.localstack.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drift of every kind planted between the topics and the indices (both written straight, the indexer's group
 * placed after what is there), found exactly by the audit as a search user (content_reader) would run it; the
 * repair publishes to the topics, the real index-service (its jar, as a process) writes what it published, and
 * the next audit finds nothing.
 */
class DriftAuditIntegrationTests {

    @Test
    void findsEachPlantedDriftAndTheRepairBringsTheNextAuditToZero() throws Exception {
        String scenario = "drift-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try (DriftFixture fixture = new DriftFixture(scenario)) {
            PlantedDrift.plant(fixture);
            fixture.placeGroupAtEnds(scenario);
            ServiceProcess indexer = ServiceProcess.start("index-service-" + scenario, indexServiceJar(),
                    indexerEnvironment(fixture, scenario), Files.createDirectories(Path.of("target", "audit-logs")));
            try {
                Map<String, String> env = fixture.environment(PipelineService.SEARCH);
                List<AuditResult> found = audit(env);
                AuditResult articles = found.get(0);
                AuditResult countries = found.get(1);

                assertThat(ids(articles, DriftKind.MISSING)).containsExactly("marker-over-live", "missing");
                assertThat(ids(articles, DriftKind.STALE))
                        .containsExactly("stale", "stale-header", "stale-timestamped");
                assertThat(ids(articles, DriftKind.GHOST)).containsExactly("ghost", "tombstoned-indexed");
                assertThat(ids(articles, DriftKind.AHEAD)).containsExactly("ahead");
                assertThat(articles.scan().unindexable()).as("the record the indexer dead-letters").isEqualTo(1);
                assertThat(articles.drift().total()).isEqualTo(8);
                assertThat(articles.totals().topicIds()).isEqualTo(13);
                assertThat(ids(countries, DriftKind.MISSING)).containsExactly("MT");
                assertThat(ids(countries, DriftKind.GHOST)).containsExactly("FR");
                assertThat(countries.drift().total()).isEqualTo(2);
                assertThat(articles.pointInTimeRefusal()).as("content_reader may not search the indices by name")
                        .contains("403");

                assertThat(runCommand(env, 1)).as("the report, exit status 1").contains("ghost    2: ghost (not in "
                        + "topic, index v5), tombstoned-indexed (topic v4 tombstone, index v3)");

                indexer.awaitHealthy(Duration.ofMinutes(3));
                String report = runCommand(env, 0, "--repair");
                System.out.println(report);
                assertThat(report).contains("repair: published 8 to " + fixture.articlesTopic
                        + ": 5 as they were, 2 at a version above the indexed one, 1 new tombstones");
                assertThat(report).contains("repair: published 2 to " + fixture.countriesTopic
                        + ": 1 as they were, 0 at a version above the indexed one, 1 new tombstones");

                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                        .failFast("index-service exited; its log: " + indexer.logFile(), () -> !indexer.isAlive())
                        .until(() -> audit(env).stream().mapToLong(result -> result.drift().total()).sum() == 0);
                System.out.println(runCommand(env, 0));
                // The indexer's user may read the indices by name: the same audit within a point in time.
                List<AuditResult> withPointInTime = audit(fixture.environment(PipelineService.INDEX));
                assertThat(withPointInTime).allSatisfy(result -> {
                    assertThat(result.pointInTimeRefusal()).isNull();
                    assertThat(result.drift().total()).isZero();
                });
            } finally {
                indexer.close();
            }
        }
    }

    private static List<AuditResult> audit(Map<String, String> env) {
        return DriftAudit.audit(AuditOptions.parse("--run-size=4"), AuditSettings.from(env));
    }

    /** The command as its script runs it, with its printed report; small runs, so the external sort spills. */
    private static String runCommand(Map<String, String> env, int expectedStatus, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--run-size=4");
        int status = DriftAudit.run(all.toArray(String[]::new), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(report).isEqualTo(expectedStatus);
        return report;
    }

    private static List<String> ids(AuditResult result, DriftKind kind) {
        return result.drift().first(kind).stream().map(Drift::id).toList();
    }

    private static Map<String, String> indexerEnvironment(DriftFixture fixture, String group) {
        Map<String, String> env = fixture.environment(PipelineService.INDEX);
        env.put("SPRING_KAFKA_CONSUMER_GROUP_ID", group);
        return env;
    }

    private static Path indexServiceJar() {
        String jar = System.getProperty("pipeline.index.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("index-service's executable jar is not built (" + jar
                    + "): run mvn -pl index-service -am package -DskipTests, or build the whole project");
        }
        return Path.of(jar);
    }
}
