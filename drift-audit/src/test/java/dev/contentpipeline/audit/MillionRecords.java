package dev.contentpipeline.audit;

import dev.contentpipeline.localstack.ElasticsearchCredentials;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The audit's scale benchmark, first half: writes {@code count} articles straight to a topic of its own and the same
 * ones straight into an index of its own (bulk, external versions; not through the services), with drift planted
 * at known ids, then prints the environment to run {@code drift-audit/audit} against them (as content_reader).
 * Runs against servers that already run ({@code PIPELINE_*}, which {@code ./pipeline run} prints), since the audit
 * is measured afterwards as a process of its own: see {@code drift-audit/bench}.
 *
 * <p>Planted: every thousandth id from 1 missing and from 2 stale, every ten-thousandth from 3 under a delete marker
 * newer than its record and from 4 tombstoned but still indexed, and 1,000 ghosts the topic never held.
 */
public final class MillionRecords {

    private MillionRecords() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String scenario = args.length > 1 ? args[1] : "scale-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Instant start = Instant.now();
        try (DriftFixture fixture = new DriftFixture(scenario)) {
            String topic = fixture.articlesTopic;
            String alias = fixture.articlesAlias;
            for (int i = 0; i < count; i++) {
                String id = String.format("a-%07d", i);
                boolean tombstoned = i % 10_000 == 4;
                fixture.publish(topic, id, PlantedDrift.article(id, 2L), null, null);
                if (tombstoned) {
                    fixture.publish(topic, id, null, null, 3L);
                }
                if (i % 1_000 == 1) {
                    continue;
                }
                if (i % 10_000 == 3) {
                    fixture.index(alias, id, 3, Map.of("type", "article", "id", id, "version", 3, "deleted", true));
                } else {
                    long version = i % 1_000 == 2 ? 1 : 2;
                    fixture.index(alias, id, version, PlantedDrift.document(id, version));
                }
                if (i % 100_000 == 0) {
                    System.out.printf("%,d of %,d after %d s%n", i, count, Duration.between(start, Instant.now())
                            .toSeconds());
                }
            }
            for (int i = 0; i < 1_000; i++) {
                String id = String.format("ghost-%05d", i);
                fixture.index(alias, id, 2, PlantedDrift.document(id, 2));
            }
            fixture.flush();
            System.out.printf("%,d articles written to %s and %s in %d s%n", count, topic, alias,
                    Duration.between(start, Instant.now()).toSeconds());
            Map<String, String> env = fixture.environment(PipelineService.SEARCH);
            ElasticsearchCredentials reader = Infrastructure.shared().elasticsearch()
                    .user(PipelineService.SEARCH, fixture.articlesAlias, fixture.countriesAlias);
            System.out.println("export " + String.join(" ", env.entrySet().stream()
                    .map(entry -> entry.getKey() + "='" + entry.getValue() + "'").sorted().toList()));
            System.out.println("# audit as " + reader.username() + " (content_reader for the scenario's aliases)");
        }
    }
}
