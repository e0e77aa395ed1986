package dev.contentpipeline.ingest.bulk;

import dev.contentpipeline.ingest.publishing.ContentWrite;
import dev.contentpipeline.ingest.requests.ByteScan;
import dev.contentpipeline.ingest.requests.RecordKeys;
import dev.contentpipeline.ingest.requests.RequestBodies;
import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ArticleHead;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;
import dev.contentpipeline.model.InvalidContentException;
import dev.contentpipeline.model.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lines of an NDJSON bulk body, each {@code {"type": "article"|"country", "op": "upsert"|"delete",
 * "record": {...}}}, read into writes. A delete's record needs only the id (or code) and may hold a version;
 * its other fields are ignored, so a delete may send the whole record.
 */
final class BulkLines {

    private static final Set<String> FIELDS = Set.of("type", "op", "record");

    /** One non-blank line: its number in the body (from 1) and where its bytes are. */
    record Line(int number, byte[] body, int from, int to) {
    }

    /** What one line asks for, or everything wrong with it. */
    record Parsed(Line line, ContentWrite write, List<Violation> errors) {
    }

    private BulkLines() {
    }

    static List<Line> split(byte[] body) {
        List<Line> lines = new ArrayList<>();
        int number = 1;
        for (int start = 0; start <= body.length; start++) {
            int end = ByteScan.indexOf(body, start, body.length, (byte) '\n');
            if (!isBlank(body, start, end)) {
                lines.add(new Line(number, body, start, end));
            }
            number++;
            start = end;
        }
        return lines;
    }

    static Parsed parse(Line line, long maxRecordBytes) {
        return parse(line, maxRecordBytes, true);
    }

    /** {@link #parse} without taking an article line as sent: every line read into a tree (and the tests' oracle). */
    static Parsed parseAsTree(Line line, long maxRecordBytes) {
        return parse(line, maxRecordBytes, false);
    }

    private static Parsed parse(Line line, long maxRecordBytes, boolean asSentFirst) {
        try {
            if (line.to() - line.from() > maxRecordBytes) {
                throw InvalidContentException.of("$", "is " + (line.to() - line.from()) + " bytes; a line may hold "
                        + "at most " + maxRecordBytes + ". Nothing of it was published.");
            }
            RequestBodies.requireUtf8(line.body(), line.from(), line.to(), "$");
            ContentWrite asSent = asSentFirst ? articleAsSent(line) : null;
            if (asSent != null) {
                return new Parsed(line, asSent, null);
            }
            return new Parsed(line, write(ContentJson.readObject(line.body(), line.from(), line.to())), null);
        } catch (InvalidContentException e) {
            return new Parsed(line, null, e.violations());
        }
    }

    /**
     * The upsert of an article whose record says exactly what writing the article would, with no version: what a
     * bulk load of prepared content sends, line after line. Read in one pass (the line's three fields, the record's
     * place in the line, then the record by {@link ContentJson#readArticleHeadAsWritten}) instead of into a tree, an
     * article and the article written again; published as sent. Null for any other line, read as before (and refused
     * as before if it must be): for a line taken here that reading gives the same article.
     * <p>
     * When the record is the line's last field, as a bulk load writes it, its place is found on the bytes and the line
     * parsed with the record left empty ({@code {}}): the parser does not step through the record's text, which the
     * record's own reading then reads. The line is taken only where that parse finds the record's object there, and the
     * record's reading finds one whole object between the braces.
     */
    private static ContentWrite articleAsSent(Line line) {
        byte[] body = line.body();
        int from = line.from();
        int to = line.to();
        int recordFrom = ContentJson.valueStart(body, from, to, "record");
        int recordTo = recordFrom >= 0 && body[recordFrom] == '{' ? lastFieldObjectEnd(body, from, to) : -1;
        boolean emptied = recordTo - 1 > recordFrom;
        byte[] parsed = emptied ? ContentJson.emptied(body, from, to, recordFrom, recordTo - 1) : body;
        int parsedFrom = emptied ? 0 : from;
        int parsedLength = emptied ? parsed.length : to - from;
        if (!emptied) {
            recordFrom = -1;
            recordTo = -1;
        }
        String type = null;
        String op = null;
        boolean recordSeen = false;
        try (JsonParser parser = JsonMapper.shared().createParser(parsed, parsedFrom, parsedLength)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("record".equals(name) && !recordSeen && value == JsonToken.START_OBJECT) {
                    recordSeen = true;
                    int at = from + (int) parser.currentTokenLocation().getByteOffset();
                    if (emptied && at != recordFrom) {
                        return null;
                    }
                    recordFrom = at;
                    parser.skipChildren();
                    if (!emptied) {
                        recordTo = from + (int) parser.currentTokenLocation().getByteOffset() + 1;
                    }
                } else if ("type".equals(name) && type == null && value == JsonToken.VALUE_STRING) {
                    type = parser.getString();
                } else if ("op".equals(name) && op == null && value == JsonToken.VALUE_STRING) {
                    op = parser.getString();
                } else {
                    return null;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null
                    || !"article".equals(type) || !"upsert".equals(op) || !recordSeen || recordFrom < from
                    || body[recordFrom] != '{' || body[recordTo - 1] != '}') {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        ArticleHead article = ContentJson.readArticleHeadAsWritten(body, recordFrom, recordTo);
        return article == null || article.version() != null ? null
                : ContentWrite.upsertAsSent(article, body, recordFrom, recordTo);
    }

    /** Just after the closing brace of the object that ends the line's object (its last field's value), or -1. */
    private static int lastFieldObjectEnd(byte[] body, int from, int to) {
        int i = to - 1;
        while (i > from && isSpace(body[i])) {
            i--;
        }
        if (i <= from || body[i] != '}') {
            return -1;
        }
        i--;
        while (i > from && isSpace(body[i])) {
            i--;
        }
        return i > from && body[i] == '}' ? i + 1 : -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static ContentWrite write(ObjectNode object) {
        List<Violation> violations = new ArrayList<>();
        object.propertyNames().stream().filter(name -> !FIELDS.contains(name)).sorted().forEach(name ->
                violations.add(new Violation(name, "is not a field of a bulk line; known fields: op, record, type")));
        ContentType type = switch (text(object, "type")) {
            case "article" -> ContentType.ARTICLE;
            case "country" -> ContentType.COUNTRY;
            default -> {
                violations.add(new Violation("type", "must be article or country"));
                yield null;
            }
        };
        String op = text(object, "op");
        if (!"upsert".equals(op) && !"delete".equals(op)) {
            violations.add(new Violation("op", "must be upsert or delete"));
        }
        if (!(object.get("record") instanceof ObjectNode record)) {
            violations.add(new Violation("record", "is required: the record as a JSON object"));
            throw new InvalidContentException(violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidContentException(violations);
        }
        try {
            return "delete".equals(op) ? delete(type, record) : upsert(type, record);
        } catch (InvalidContentException e) {
            throw new InvalidContentException(e.violations().stream()
                    .map(v -> new Violation("$".equals(v.field()) ? "record" : "record." + v.field(), v.message()))
                    .toList());
        }
    }

    private static ContentWrite upsert(ContentType type, ObjectNode record) {
        return type == ContentType.ARTICLE
                ? ContentWrite.upsert(ContentJson.readRecord(record, Article.class))
                : ContentWrite.upsert(ContentJson.readRecord(record, Country.class));
    }

    private static ContentWrite delete(ContentType type, ObjectNode record) {
        JsonNode version = record.get("version");
        Long positive = null;
        if (version != null && !version.isNull()) {
            if (!version.canConvertToLong() || !version.isIntegralNumber() || version.asLong() <= 0) {
                throw InvalidContentException.of("version", "must be a positive number");
            }
            positive = version.asLong();
        }
        return type == ContentType.ARTICLE
                ? ContentWrite.delete(type, RecordKeys.articleId(text(record, "id")), positive)
                : ContentWrite.delete(type, RecordKeys.countryCode(text(record, "code")), positive);
    }

    private static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        return node != null && node.isString() ? node.asString() : "";
    }

    private static boolean isBlank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
