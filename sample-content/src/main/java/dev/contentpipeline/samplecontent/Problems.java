package dev.contentpipeline.samplecontent;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** What a check found wrong, each with where (a line, a file), and the strict reading of the JSON it checks. */
final class Problems {

    // As strict as the ingest API: a repeated field or anything after the object is an error, not a last word.
    private static final JsonMapper STRICT = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private final List<String> found = new ArrayList<>();

    /** @param where a line or a file; empty for the input as a whole */
    void add(String where, String message) {
        this.found.add(where.isEmpty() ? message : where + ": " + message);
    }

    List<String> list() {
        return List.copyOf(this.found);
    }

    /** One JSON object, or null when the text is not one (which is a problem). */
    ObjectNode object(String json, String where) {
        JsonNode parsed;
        try {
            parsed = STRICT.readTree(json);
        }
        catch (JacksonException ex) {
            add(where, "invalid JSON: " + ex.getOriginalMessage().lines().findFirst().orElse(""));
            return null;
        }
        if (!(parsed instanceof ObjectNode object)) {
            add(where, "not a JSON object");
            return null;
        }
        return object;
    }

    /** The field's text; empty, after noting a problem, when it is not non-blank text. */
    String string(JsonNode object, String key, String where) {
        JsonNode value = object.path(key);
        if (value.isString() && !value.asString().isBlank()) {
            return value.asString();
        }
        add(where, key + " must be a non-blank string");
        return "";
    }

    /** The field's strings; what is not a string is a problem, and left out. */
    List<String> strings(JsonNode object, String key, String where) {
        JsonNode value = object.path(key);
        List<String> strings = new ArrayList<>();
        if (!value.isArray()) {
            add(where, key + " must be an array");
            return strings;
        }
        for (JsonNode item : value) {
            if (item.isString()) {
                strings.add(item.asString());
            }
            else {
                add(where, key + " must contain only strings");
            }
        }
        return strings;
    }

    /** Prints the problems, or "OK: " and the summary when there are none; returns the exit status. */
    int report(String summary) {
        if (this.found.isEmpty()) {
            System.out.println("OK: " + summary);
            return 0;
        }
        this.found.forEach(System.out::println);
        System.out.println(this.found.size() + " problem(s)");
        return 1;
    }
}
