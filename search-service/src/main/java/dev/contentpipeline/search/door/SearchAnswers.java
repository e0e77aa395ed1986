package dev.contentpipeline.search.door;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the answers of {@code _search} and {@code _msearch} in one pass over their bytes, into {@link SearchAnswer}s,
 * skipping whatever search-service does not use. The Java client's typed reading of the same answers (a builder and
 * a map lookup per property, through a second JSON API over Jackson's) was 18 % of search-service's request threads
 * on C1 (README, rounds 45 and 46).
 */
final class SearchAnswers {

    private static final JsonFactory JSON = new JsonFactory();

    private SearchAnswers() {
    }

    /** The answer of one {@code _search}. */
    static SearchAnswer one(InputStream body) throws IOException {
        try (JsonParser json = JSON.createParser(body)) {
            start(json, JsonToken.START_OBJECT);
            return answer(json, "es/search");
        }
    }

    /**
     * The answers of one {@code _msearch}, in the order of its searches; a search that failed is thrown as the
     * {@link ElasticsearchException} a {@code _search} of its own would have thrown.
     */
    static List<SearchAnswer> all(InputStream body) throws IOException {
        try (JsonParser json = JSON.createParser(body)) {
            start(json, JsonToken.START_OBJECT);
            List<SearchAnswer> answers = new ArrayList<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                if (name.equals("responses") && json.currentToken() == JsonToken.START_ARRAY) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        answers.add(answer(json, "es/msearch"));
                    }
                } else {
                    json.skipChildren();
                }
            }
            return answers;
        }
    }

    /** From just after the answer's opening brace to its closing one. */
    private static SearchAnswer answer(JsonParser json, String endpoint) throws IOException {
        long took = 0;
        SearchAnswer.Total total = null;
        List<SearchAnswer.StoredHit> hits = List.of();
        Map<String, Map<String, Long>> buckets = null;
        String errorType = null;
        String errorReason = null;
        int status = 200;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken value = json.nextToken();
            switch (name) {
                case "took" -> took = json.getValueAsLong();
                case "status" -> status = json.getValueAsInt();
                case "hits" -> {
                    if (value == JsonToken.START_OBJECT) {
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String field = json.currentName();
                            JsonToken inner = json.nextToken();
                            if (field.equals("total") && inner == JsonToken.START_OBJECT) {
                                total = total(json);
                            } else if (field.equals("hits") && inner == JsonToken.START_ARRAY) {
                                hits = new ArrayList<>();
                                while (json.nextToken() == JsonToken.START_OBJECT) {
                                    hits.add(hit(json));
                                }
                            } else {
                                json.skipChildren();
                            }
                        }
                    }
                }
                case "aggregations" ->
                        buckets = value == JsonToken.START_OBJECT ? BucketCounts.read(json) : skipped(json);
                case "error" -> {
                    if (value == JsonToken.START_OBJECT) {
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String field = json.currentName();
                            json.nextToken();
                            if (field.equals("type")) {
                                errorType = json.getValueAsString();
                            } else if (field.equals("reason")) {
                                errorReason = json.getValueAsString();
                            } else {
                                json.skipChildren();
                            }
                        }
                    } else {
                        errorReason = json.getValueAsString();
                        json.skipChildren();
                    }
                }
                default -> json.skipChildren();
            }
        }
        if (errorType != null || errorReason != null) {
            String type = errorType == null ? "unknown" : errorType;
            String reason = errorReason;
            int code = status;
            throw new ElasticsearchException(endpoint, ErrorResponse.of(e -> e.status(code)
                    .error(c -> c.type(type).reason(reason))));
        }
        return new SearchAnswer(took, total, hits, buckets);
    }

    private static SearchAnswer.Total total(JsonParser json) throws IOException {
        long value = 0;
        boolean exact = true;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if (field.equals("value")) {
                value = json.getValueAsLong();
            } else if (field.equals("relation")) {
                exact = "eq".equals(json.getValueAsString());
            } else {
                json.skipChildren();
            }
        }
        return new SearchAnswer.Total(value, exact);
    }

    @SuppressWarnings("unchecked")
    private static SearchAnswer.StoredHit hit(JsonParser json) throws IOException {
        String index = null;
        String id = null;
        Double score = null;
        Map<String, Object> source = null;
        Map<String, List<String>> highlight = null;
        List<Object> sort = null;
        List<String> matched = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "_index" -> index = json.getValueAsString();
                case "_id" -> id = json.getValueAsString();
                case "_score" -> score = value.isNumeric() ? json.getDoubleValue() : null;
                case "_source" -> source = value == JsonToken.START_OBJECT ? (Map<String, Object>) value(json) : null;
                case "highlight" -> highlight = value == JsonToken.START_OBJECT ? highlight(json) : skipped(json);
                case "sort" -> sort = value == JsonToken.START_ARRAY ? (List<Object>) value(json) : skipped(json);
                case "matched_queries" -> matched = names(json);
                default -> json.skipChildren();
            }
        }
        return new SearchAnswer.StoredHit(index, id, score, source, highlight, sort, matched);
    }

    private static Map<String, List<String>> highlight(JsonParser json) throws IOException {
        Map<String, List<String>> highlight = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            highlight.put(field, names(json));
        }
        return highlight;
    }

    /** Strings in an array, or the keys of an object (named queries with their scores). */
    private static List<String> names(JsonParser json) throws IOException {
        List<String> names = new ArrayList<>();
        if (json.currentToken() == JsonToken.START_ARRAY) {
            while (json.nextToken() != JsonToken.END_ARRAY) {
                names.add(json.getValueAsString());
                json.skipChildren();
            }
        } else if (json.currentToken() == JsonToken.START_OBJECT) {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                names.add(json.currentName());
                json.nextToken();
                json.skipChildren();
            }
        }
        return names;
    }

    /** Any JSON value, from its first token: objects as ordered maps, arrays as lists, numbers as Jackson reads. */
    private static Object value(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    json.nextToken();
                    object.put(field, value(json));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(json));
                }
                yield array;
            }
            case VALUE_STRING -> json.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> json.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static <T> T skipped(JsonParser json) throws IOException {
        json.skipChildren();
        return null;
    }

    private static void start(JsonParser json, JsonToken expected) throws IOException {
        if (json.nextToken() != expected) {
            throw new IOException("Elasticsearch's answer is not a JSON object: " + json.currentToken());
        }
    }
}
