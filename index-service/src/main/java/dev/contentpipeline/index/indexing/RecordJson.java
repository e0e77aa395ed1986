package dev.contentpipeline.index.indexing;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An article's JSON object as the bulk body carries it, with the fields the indexer adds spliced in before its
 * closing brace, so that the record is parsed once (to validate it) and never written again. The record's own bytes
 * are sent only where they say exactly what {@link ContentJson#write} would: the article's fields and no others,
 * each value as the validated article holds it (already clean, upper-case codes, instants in ISO-8601 with Z), and
 * on one line, as a bulk body needs; any other record is sent as {@code ContentJson.write} writes it.
 *
 * @param json a JSON object on one line, holding none of the fields the indexer adds
 * @param countries the article's country codes, for its countries' names
 */
record RecordJson(byte[] json, List<String> countries) {

    /** The article's fields in the order of its components, which is the order {@link ContentJson#write} keeps. */
    private static final List<String> FIELDS = List.of("id", "title", "summary", "body", "language", "countries",
            "tags", "author", "publishedAt", "updatedAt", "version");

    /** An article read from a record, and the JSON to send for it. */
    record Read(Article article, RecordJson json) {
    }

    /**
     * Reads an article record (refusing it as {@link ContentJson#readArticle} does) and finds the JSON to send for it.
     * A record as ingest publishes it is parsed once: {@link #readAsWritten} both reads it and finds it sendable as it
     * is. Any other is read as before and written again.
     */
    static Read read(byte[] record) {
        Article asWritten = readAsWritten(record);
        if (asWritten != null) {
            return new Read(asWritten, new RecordJson(record, asWritten.countries()));
        }
        Article article = ContentJson.readArticle(record, false);
        return new Read(article, new RecordJson(ContentJson.write(article), article.countries()));
    }

    /** The object with the given fields (none of them the object's own) added at its end. */
    byte[] with(Map<String, Object> added) {
        byte[] fields = JsonMapper.shared().writeValueAsBytes(added);
        int end = json.length - 1;
        while (json[end] != '}') {
            end--;
        }
        if (fields.length == 2) {
            return json;
        }
        byte[] document = new byte[end + fields.length];
        System.arraycopy(json, 0, document, 0, end);
        document[end] = ',';
        System.arraycopy(fields, 1, document, end + 1, fields.length - 1);
        return document;
    }

    /**
     * The article the record holds, when its bytes say, on one line, the very fields and values the article would be
     * written with; else null, and then nothing about the record is decided here: {@link ContentJson#readArticle}
     * reads it (or refuses it) as it reads any record. In one parse: each value is taken as it stands (text, a list of
     * texts, an instant that prints as it was written, a whole number), the article made of them, and every component
     * of the article compared with the value it came from. Cleaning gives clean text back as the same string, so
     * comparing a clean body costs a reference check.
     */
    static Article readAsWritten(byte[] record) {
        for (byte b : record) {
            if (b == '\n' || b == '\r') {
                return null;
            }
        }
        Object[] values = new Object[FIELDS.size()];
        try (JsonParser parser = JsonMapper.shared().createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                int field = FIELDS.indexOf(parser.currentName());
                if (field < 0 || values[field] != null) {
                    return null;
                }
                values[field] = value(parser, parser.nextToken(), field);
                if (values[field] == null) {
                    return null;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            Article article = new Article((String) values[0], (String) values[1], (String) values[2],
                    (String) values[3], (String) values[4], texts(values[5]), texts(values[6]), (String) values[7],
                    (Instant) values[8], (Instant) values[9], (Long) values[10]);
            Object[] written = {article.id(), article.title(), article.summary(), article.body(), article.language(),
                    article.countries(), article.tags(), article.author(), article.publishedAt(),
                    article.updatedAt(), article.version()};
            return Arrays.equals(values, written) ? article : null;
        } catch (RuntimeException e) {
            // Not valid JSON, not a valid article: ContentJson.readArticle says which, as it always did.
            return null;
        }
    }

    /** A field's value as {@link ContentJson#write} would have written it, or null for any other. */
    private static Object value(JsonParser parser, JsonToken token, int field) {
        return switch (FIELDS.get(field)) {
            case "countries", "tags" -> token == JsonToken.START_ARRAY ? textsOf(parser) : null;
            case "publishedAt", "updatedAt" -> token == JsonToken.VALUE_STRING ? instant(parser.getString()) : null;
            case "version" -> token == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? parser.getLongValue() : null;
            default -> token == JsonToken.VALUE_STRING ? parser.getString() : null;
        };
    }

    private static List<String> textsOf(JsonParser parser) {
        List<String> texts = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.VALUE_STRING) {
                return null;
            }
            texts.add(parser.getString());
        }
        return texts;
    }

    /** The instant the text names, if the instant prints as that very text. */
    private static Instant instant(String text) {
        Instant instant = Instant.parse(text);
        return instant.toString().equals(text) ? instant : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Object value) {
        return (List<String>) value;
    }
}
