package dev.contentpipeline.search.door;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bucket counts of a search answer's aggregations, for {@link SearchAnswer#bucketCounts()}. */
final class BucketCounts {

    private BucketCounts() {
    }

    /** From the opening brace of {@code aggregations}: each aggregation's counts by its name, in order. */
    static Map<String, Map<String, Long>> read(JsonParser json) throws IOException {
        Map<String, Map<String, Long>> buckets = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            // typed_keys names each aggregation "type#name"
            String typed = json.currentName();
            json.nextToken();
            Map<String, Long> counts = new LinkedHashMap<>();
            aggregation(json, counts);
            buckets.put(typed.substring(typed.indexOf('#') + 1), counts);
        }
        return buckets;
    }

    /**
     * One aggregation, from its opening brace: the buckets it has, by key, and those of the aggregations within it
     * (a property whose value is an object), added to counts.
     */
    private static void aggregation(JsonParser json, Map<String, Long> counts) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("buckets") && value == JsonToken.START_ARRAY) {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    bucket(json, null, counts);
                }
            } else if (field.equals("buckets") && value == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String key = json.currentName();
                    json.nextToken();
                    bucket(json, key, counts);
                }
            } else if (value == JsonToken.START_OBJECT && !field.equals("meta")) {
                aggregation(json, counts);
            } else {
                json.skipChildren();
            }
        }
    }

    /** One bucket, from its opening brace; its key is given where the buckets are keyed by it. */
    private static void bucket(JsonParser json, String keyed, Map<String, Long> counts) throws IOException {
        String key = keyed;
        String keyAsString = null;
        long count = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "key" -> key = json.getValueAsString();
                case "key_as_string" -> keyAsString = json.getValueAsString();
                case "doc_count" -> count = json.getValueAsLong();
                default -> json.skipChildren();
            }
        }
        String name = keyAsString != null ? keyAsString : key;
        if (name != null) {
            counts.merge(name, count, Long::sum);
        }
    }
}
