package dev.contentpipeline.endtoend.relevance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A name of a country that is not expected to find it first ({@code relevance/country-name-exceptions.json}), with
 * the reason: typically a string that is also another record's name. Kept in a checked-in table so that the list
 * is reviewed like code, and each entry must still name a name the country has.
 */
record NameException(String code, String name, String reason) {

    static final String RESOURCE = "/relevance/country-name-exceptions.json";

    NameException {
        if (code == null || name == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an exception needs a code, a name and a reason: " + code + " " + name);
        }
    }

    static List<NameException> load() {
        try (InputStream in = NameException.class.getResourceAsStream(RESOURCE)) {
            return JsonMapper.shared().readTree(in).valueStream().map(NameException::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean covers(String code, String name) {
        return this.code.equals(code) && this.name.equals(name);
    }

    private static NameException of(JsonNode node) {
        return new NameException(node.path("code").asString(null), node.path("name").asString(null),
                node.path("reason").asString(null));
    }
}
