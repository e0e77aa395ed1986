package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.FieldValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Where the next page starts: the sort values of the last hit served ({@code search_after}), with the sort and a
 * fingerprint of the query and filters they belong to. Opaque to readers: base64url of a small JSON object.
 *
 * @param fingerprint of the query and filters, so a cursor is not used with another query
 * @param typos whether the pages before were found with typos, so that the next one is too without first asking
 *        for the words as typed (a cursor made before typos were a second step has none: the next page asks again)
 */
record Cursor(Sorting sorting, String fingerprint, List<FieldValue> after, boolean typos) {

    static final int MAX_LENGTH = 4_000;
    private static final JsonMapper JSON = JsonMapper.shared();

    String encode() {
        ObjectNode json = JSON.createObjectNode();
        json.put("s", sorting.wireName());
        json.put("f", fingerprint);
        if (typos) {
            json.put("t", true);
        }
        ArrayNode values = json.putArray("a");
        for (FieldValue value : after) {
            switch (value._kind()) {
                case Long -> values.add(value.longValue());
                case Double -> values.add(value.doubleValue());
                case Boolean -> values.add(value.booleanValue());
                case String -> values.add(value.stringValue());
                default -> values.addNull();
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
    }

    /** The cursor, or empty when the text is not one this service made. */
    static Optional<Cursor> decode(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            Optional<Sorting> sorting = Sorting.fromWireName(json.path("s").asString(""));
            JsonNode values = json.path("a");
            if (sorting.isEmpty() || !json.path("f").isString() || !values.isArray() || values.isEmpty()) {
                return Optional.empty();
            }
            List<FieldValue> after = new ArrayList<>();
            for (JsonNode value : values) {
                if (value.isIntegralNumber()) {
                    after.add(FieldValue.of(value.asLong()));
                } else if (value.isNumber()) {
                    after.add(FieldValue.of(value.asDouble()));
                } else if (value.isBoolean()) {
                    after.add(FieldValue.of(value.asBoolean()));
                } else if (value.isString()) {
                    after.add(FieldValue.of(value.asString()));
                } else if (value.isNull()) {
                    after.add(FieldValue.NULL);
                } else {
                    return Optional.empty();
                }
            }
            if (after.size() != sorting.get().sortOptions().size()) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(sorting.get(), json.path("f").asString(), after,
                    json.path("t").asBoolean(false)));
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }
}
