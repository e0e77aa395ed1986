package dev.contentpipeline.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Topics and indices that agree on most ids and disagree on a few, one of each way they can: what the integration
 * test expects the audit to find, id by id.
 */
final class PlantedDrift {

    /** Record timestamps, for the versions taken from them (microseconds). */
    static final long T1 = 1_780_000_000_000L;
    static final long T2 = 1_780_000_100_000L;

    private PlantedDrift() {
    }

    static void plant(DriftFixture fixture) {
        String topic = fixture.articlesTopic;
        String alias = fixture.articlesAlias;
        for (String id : new String[] {"agrees-1", "agrees-2", "agrees-3"}) {
            live(fixture, id, 10, 10);
        }
        // Not yet compacted: the indexer keeps the newer record.
        fixture.publish(topic, "history", article("history", 1L), null, null);
        live(fixture, "history", 2, 2);
        fixture.publish(topic, "timestamped", article("timestamped", null), T1, null);
        fixture.index(alias, "timestamped", T1 * 1_000, document("timestamped", T1 * 1_000));

        fixture.publish(topic, "missing", article("missing", 10L), null, null);
        // A delete marker newer than the live record: the record's own version cannot replace it.
        fixture.publish(topic, "marker-over-live", article("marker-over-live", 10L), null, null);
        fixture.index(alias, "marker-over-live", 12, marker("marker-over-live", 12));
        live(fixture, "stale", 10, 7);
        fixture.publish(topic, "stale-timestamped", article("stale-timestamped", null), T2, null);
        fixture.index(alias, "stale-timestamped", T2 * 1_000 - 5, document("stale-timestamped", T2 * 1_000 - 5));
        fixture.publish(topic, "stale-header", article("stale-header", null), null, 20L);
        fixture.index(alias, "stale-header", 15, document("stale-header", 15));
        fixture.index(alias, "ghost", 5, document("ghost", 5));
        live(fixture, "tombstoned-indexed", 3, 3);
        fixture.publish(topic, "tombstoned-indexed", null, null, 4L);
        fixture.publish(topic, "deleted-ok", article("deleted-ok", 3L), null, null);
        fixture.publish(topic, "deleted-ok", null, null, 4L);
        fixture.index(alias, "deleted-ok", 4, marker("deleted-ok", 4));
        live(fixture, "ahead", 10, 11);
        // Not JSON: the indexer dead-letters it, so the audit expects no document for it.
        fixture.publish(topic, "poison", "not json {", null, null);

        fixture.publish(fixture.countriesTopic, "BY", country("BY", "Belarus", 1), null, null);
        fixture.index(fixture.countriesAlias, "BY", 1, countryDocument("BY", 1));
        fixture.publish(fixture.countriesTopic, "MT", country("MT", "Malta", 2), null, null);
        fixture.index(fixture.countriesAlias, "FR", 3, countryDocument("FR", 3));
        fixture.flush();
    }

    private static void live(DriftFixture fixture, String id, long topicVersion, long indexVersion) {
        fixture.publish(fixture.articlesTopic, id, article(id, topicVersion), null, null);
        fixture.index(fixture.articlesAlias, id, indexVersion, document(id, indexVersion));
    }

    static String article(String id, Long version) {
        return "{\"id\":\"" + id + "\",\"title\":\"Notes on " + id + "\",\"body\":\"A body for " + id
                + ".\",\"publishedAt\":\"2026-02-01T08:00:00Z\"" + (version == null ? "" : ",\"version\":" + version)
                + "}";
    }

    /** The document as the indexer writes it, less the fields the audit does not read. */
    static Map<String, Object> document(String id, long version) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "article");
        document.put("id", id);
        document.put("version", version);
        document.put("deleted", false);
        document.put("title", "Notes on " + id);
        document.put("body", "A body for " + id + ".");
        document.put("publishedAt", "2026-02-01T08:00:00Z");
        return document;
    }

    private static Map<String, Object> marker(String id, long version) {
        return Map.of("type", "article", "id", id, "version", version, "deleted", true);
    }

    private static String country(String code, String name, long version) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"officialName\":\"" + name + "\",\"aliases\":[],"
                + "\"names\":{\"zh\":\"" + name + "\"},\"region\":\"Europe\",\"subregion\":\"Europe\","
                + "\"status\":\"current\",\"version\":" + version + "}";
    }

    private static Map<String, Object> countryDocument(String code, long version) {
        return Map.of("type", "country", "id", code, "code", code, "version", version, "deleted", false,
                "name", code);
    }
}
