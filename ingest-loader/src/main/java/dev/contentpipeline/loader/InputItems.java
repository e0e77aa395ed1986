package dev.contentpipeline.loader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The items of an input file, each as one bulk line. NDJSON: each non-blank line, numbered by its line in the
 * file. JSON (a {@code .json} file): each element of a top-level array, or the one top-level object, numbered
 * from 1. An item that already is a bulk line ({@code type}, {@code op}, {@code record}) is sent as it is; a
 * bare record is sent as an upsert of the given type, or of the type its key field tells ({@code id}: article,
 * {@code code}: country). What does not parse is sent as it is, for the service to say what is wrong with it.
 */
final class InputItems implements Closeable {

    /** One item: where it is in the input (its line, or its place in the array), and its bulk line. */
    record Item(long number, String bulkLine) {
    }

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Reads one element of an array at a time: what follows it is the next element, not an error. */
    private static final JsonMapper ELEMENTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final String type;
    private final BufferedReader lines;
    private final JsonParser elements;
    private final boolean array;
    private long number;

    private InputItems(Path file, String type) throws IOException {
        this.type = type;
        if (isJson(file)) {
            this.lines = null;
            this.elements = ELEMENTS.createParser(file.toFile());
            JsonToken first = elements.nextToken();
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                elements.close();
                throw new IOException(file + " holds neither a JSON array nor a JSON object");
            }
            this.array = first == JsonToken.START_ARRAY;
        } else {
            this.lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.elements = null;
            this.array = false;
        }
    }

    static InputItems open(Path file, String type) throws IOException {
        return new InputItems(file, type);
    }

    /** How many items the file holds, read once through. */
    static long count(Path file) throws IOException {
        long count = 0;
        try (InputItems items = open(file, "article")) {
            while (items.next() != null) {
                count++;
            }
        }
        return count;
    }

    /** The next item, or null at the end. */
    Item next() throws IOException {
        return lines != null ? nextLine() : nextElement();
    }

    private Item nextLine() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                return new Item(number, bulkLine(line.strip()));
            }
        }
        return null;
    }

    private Item nextElement() {
        if (array) {
            JsonToken token = elements.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
        } else if (number > 0) {
            return null;
        }
        JsonNode node = ELEMENTS.readTree(elements);
        return new Item(++number, bulkLine(node));
    }

    private String bulkLine(String line) {
        try {
            return bulkLine(JSON.readTree(line));
        } catch (JacksonException e) {
            return line;
        }
    }

    private String bulkLine(JsonNode node) {
        if (!(node instanceof ObjectNode record) || record.has("op") || record.has("record")) {
            return JSON.writeValueAsString(node);
        }
        String recordType = type != null ? type : record.has("code") && !record.has("id") ? "country" : "article";
        ObjectNode line = JSON.createObjectNode();
        line.put("type", recordType);
        line.put("op", "upsert");
        line.set("record", record);
        return JSON.writeValueAsString(line);
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
        if (elements != null) {
            elements.close();
        }
    }
}
