package dev.contentpipeline.endtoend.relevance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One query of the relevance suite ({@code relevance/queries.json}): what a reader types, optionally the type it
 * searches, and the ids expected among the first {@code within} results.
 * @param kind the kind of query, for the report (english name, seed spelling, chinese, article...)
 * @param needs what the query needs beyond the analysis and the data, such as {@code countryNames}, or null
 */
record RelevanceQuery(String kind, String query, String type, List<String> expect, int within, String needs,
        String note) {

    static final String RESOURCE = "/relevance/queries.json";

    RelevanceQuery {
        if (expect.isEmpty() || within < expect.size()) {
            throw new IllegalArgumentException("'" + query + "': expects " + expect + " within " + within);
        }
    }

    static List<RelevanceQuery> load() {
        try (InputStream in = RelevanceQuery.class.getResourceAsStream(RESOURCE)) {
            JsonNode all = JsonMapper.shared().readTree(in);
            return all.valueStream().map(RelevanceQuery::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A query of one country's name, expected at rank 1. */
    static RelevanceQuery forCountry(String kind, String name, String code) {
        return new RelevanceQuery(kind, name, null, List.of(code), 1, null, null);
    }

    private static RelevanceQuery of(JsonNode node) {
        return new RelevanceQuery(node.get("kind").asString(), node.get("query").asString(), text(node, "type"),
                node.get("expect").valueStream().map(JsonNode::asString).toList(), node.get("within").asInt(),
                text(node, "needs"), text(node, "note"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
