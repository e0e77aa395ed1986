package dev.contentpipeline.index.indexing;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
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

    static RecordJson of(byte[] record, Article article) {
        return new RecordJson(sameAsWritten(record, article) ? record : ContentJson.write(article),
                article.countries());
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

    /** Whether the record's bytes hold, on one line, the very fields and values the article would be written with. */
    static boolean sameAsWritten(byte[] record, Article article) {
        for (byte b : record) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        try (JsonParser parser = JsonMapper.shared().createParser(record)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            int fields = 0;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!sameValue(parser, value, name, article)) {
                    return false;
                }
                fields++;
            }
            return parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null
                    && fields == writtenFields(article);
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean sameValue(JsonParser parser, JsonToken value, String name, Article article) {
        return switch (name) {
            case "id" -> sameText(parser, value, article.id());
            case "title" -> sameText(parser, value, article.title());
            case "summary" -> sameText(parser, value, article.summary());
            case "body" -> sameText(parser, value, article.body());
            case "language" -> sameText(parser, value, article.language());
            case "countries" -> sameTexts(parser, value, article.countries());
            case "tags" -> sameTexts(parser, value, article.tags());
            case "author" -> sameText(parser, value, article.author());
            case "publishedAt" -> sameInstant(parser, value, article.publishedAt());
            case "updatedAt" -> sameInstant(parser, value, article.updatedAt());
            case "version" -> value == JsonToken.VALUE_NUMBER_INT && article.version() != null
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                    && parser.getLongValue() == article.version();
            default -> false;
        };
    }

    /** The fields {@link ContentJson#write} writes for the article: those that are not null. */
    private static int writtenFields(Article article) {
        int fields = 0;
        for (Object value : new Object[] {article.id(), article.title(), article.summary(), article.body(),
                article.language(), article.countries(), article.tags(), article.author(), article.publishedAt(),
                article.updatedAt(), article.version()}) {
            if (value != null) {
                fields++;
            }
        }
        return fields;
    }

    private static boolean sameInstant(JsonParser parser, JsonToken value, Instant instant) {
        return instant != null && sameText(parser, value, instant.toString());
    }

    private static boolean sameTexts(JsonParser parser, JsonToken value, List<String> texts) {
        if (texts == null || value != JsonToken.START_ARRAY) {
            return false;
        }
        int i = 0;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (i >= texts.size() || !sameText(parser, item, texts.get(i++))) {
                return false;
            }
        }
        return i == texts.size();
    }

    private static boolean sameText(JsonParser parser, JsonToken value, String text) {
        if (text == null || value != JsonToken.VALUE_STRING || parser.getStringLength() != text.length()) {
            return false;
        }
        char[] chars = parser.getStringCharacters();
        int offset = parser.getStringOffset();
        for (int i = 0; i < text.length(); i++) {
            if (chars[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
