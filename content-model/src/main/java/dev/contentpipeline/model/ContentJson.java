package dev.contentpipeline.model;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads and writes the records' JSON, the form they take on the topics. Strict reading (for what publishers
 * send) refuses unknown fields; lenient reading (for what a consumer finds on a topic) ignores them, so
 * producers may add fields before consumers know them.
 */
public final class ContentJson {

    private static final JsonMapper STRICT = mapper(true);
    private static final JsonMapper LENIENT = mapper(false);
    /** An article's fields in the order of its components, the order {@link #write} writes them in. */
    private static final List<String> ARTICLE_FIELDS = List.of("id", "title", "summary", "body", "language",
            "countries", "tags", "author", "publishedAt", "updatedAt", "version");
    private static final int BODY = ARTICLE_FIELDS.indexOf("body");
    /**
     * A body checked on its bytes stands as this clean text in the article that checks every other field, an article
     * that never leaves {@link #readArticleHeadAsWritten}.
     */
    private static final String CHECKED_BODY = "checked on its bytes";

    private ContentJson() {
    }

    public static Article readArticle(byte[] json, boolean strict) {
        return read(json, Article.class, strict);
    }

    public static Country readCountry(byte[] json, boolean strict) {
        return read(json, Country.class, strict);
    }

    /**
     * The article that the JSON from {@code from} to {@code to} holds, when it says exactly what {@link #write} would
     * write for it: the article's fields and no others, each value as the article holds it (clean text, upper-case
     * codes, instants as {@code Instant} prints them, a whole-number version); their order, the spaces between them
     * and the escapes in their text aside. Else null, and nothing about the JSON is decided here: the caller reads it
     * as any other, strictly or leniently, and is refused as before if it must be (for JSON that this method takes,
     * both readings give this very article). In one parse: each value is taken as it stands, the article made of
     * them, and every component compared with the value it came from; cleaning gives clean text back as the same
     * string, so comparing a clean body costs a reference check.
     */
    public static Article readArticleAsWritten(byte[] json, int from, int to) {
        return readAsWritten(json, from, to, false);
    }

    /**
     * What {@link #readArticleAsWritten} finds, when the JSON is also on one line (no line break between its values
     * either, as a bulk body needs), for a caller that passes the JSON on as it is and needs of the article only its
     * id, version and countries. A body in ASCII is checked on its bytes (clean, not too long) without being read into
     * text, which cost as much as the rest of the parse; the body's bytes then hold no line break, and only the rest
     * is looked through for one. Such a body is found on the bytes before the parse ({@link #valueStart}), and the
     * parse reads a copy of the rest with the body's string left empty, so the body's bytes are stepped through once.
     */
    public static ArticleHead readArticleHeadAsWritten(byte[] json, int from, int to) {
        Article article = readAsWritten(json, from, to, true);
        return article == null ? null : article.head();
    }

    /**
     * @param oneLineHead whether the JSON must be on one line, and a body checked on its bytes may stand as
     *                    {@link #CHECKED_BODY} in the article
     */
    private static Article readAsWritten(byte[] json, int from, int to, boolean oneLineHead) {
        Object[] values = new Object[ARTICLE_FIELDS.size()];
        int bodyFrom = to;
        int bodyTo = to;
        // The body found and checked on its bytes before the parse, which then reads the rest with the body's string
        // left empty: the parser no longer steps through the body's text once more to find where it ends.
        int bodyQuote = oneLineHead ? bodyValueQuote(json, from, to) : -1;
        int bodyClose = bodyQuote >= 0
                ? TextCleaner.cleanJsonStringEnd(json, bodyQuote, to, true, Article.MAX_BODY_LENGTH) : -1;
        byte[] parsed = bodyClose >= 0 ? emptied(json, from, to, bodyQuote, bodyClose) : json;
        int parsedFrom = parsed == json ? from : 0;
        int parsedLength = parsed == json ? to - from : parsed.length;
        try (JsonParser parser = LENIENT.createParser(parsed, parsedFrom, parsedLength)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                int field = ARTICLE_FIELDS.indexOf(parser.currentName());
                if (field < 0 || values[field] != null) {
                    return null;
                }
                JsonToken token = parser.nextToken();
                int at = oneLineHead && field == BODY && token == JsonToken.VALUE_STRING
                        ? from + (int) parser.currentTokenLocation().getByteOffset() : -1;
                int close = -1;
                if (bodyClose >= 0 && field == BODY) {
                    // The string left empty stands for the checked body only where the parse finds the body's value.
                    if (at != bodyQuote) {
                        return null;
                    }
                    close = bodyClose;
                } else if (bodyQuote < 0 && at >= from && at < to && json[at] == '"') {
                    close = TextCleaner.cleanJsonStringEnd(json, at, to, true, Article.MAX_BODY_LENGTH);
                }
                if (close >= 0) {
                    values[field] = CHECKED_BODY;
                    bodyFrom = at;
                    bodyTo = close;
                } else {
                    values[field] = asWritten(parser, token, ARTICLE_FIELDS.get(field));
                }
                if (values[field] == null) {
                    return null;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null
                    || bodyClose >= 0 && values[BODY] != CHECKED_BODY
                    || oneLineHead && (hasLineBreak(json, from, bodyFrom) || hasLineBreak(json, bodyTo, to))) {
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
            // Not valid JSON, not a valid article: the caller's own reading says which.
            return null;
        }
    }

    /**
     * Strictly reads what a publisher sent for the record named in the request path: the body may leave out
     * its key field, and must not contradict it.
     */
    public static <T> T readForKey(byte[] json, Class<T> type, String keyField, String key) {
        ObjectNode object = readObject(json);
        JsonNode given = object.get(keyField);
        if (given == null || given.isNull()) {
            object.put(keyField, key);
        } else if (!given.isString() || !given.asString().strip().equalsIgnoreCase(key)) {
            throw InvalidContentException.of(keyField, "must match the path ('" + key + "') or be left out");
        }
        return readRecord(object, type);
    }

    /** Strictly reads one JSON object (no duplicate fields, nothing after it), as publishers send it. */
    public static ObjectNode readObject(byte[] json) {
        return readObject(json, 0, json == null ? 0 : json.length);
    }

    /** {@link #readObject(byte[])} of the bytes from {@code from} to {@code to}, a line of a larger body. */
    public static ObjectNode readObject(byte[] json, int from, int to) {
        if (json == null || to <= from) {
            throw InvalidContentException.of("$", "the body is empty; send one JSON object");
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(json, from, to - from);
        } catch (JacksonException e) {
            throw InvalidContentException.of(path(e), "is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (!(tree instanceof ObjectNode object)) {
            throw InvalidContentException.of("$", "must be a JSON object");
        }
        return object;
    }

    /** Strictly reads a record (unknown fields refused) from an object that {@link #readObject} returned. */
    public static <T> T readRecord(ObjectNode object, Class<T> type) {
        // From the tree itself: writing it out to parse it again cost as much as the first parse.
        return read(type, () -> STRICT.treeToValue(object, type));
    }

    public static byte[] write(Object record) {
        return LENIENT.writeValueAsBytes(record);
    }

    /** What {@link #write} writes for {@code article.withVersion(version)}. */
    public static byte[] writeAtVersion(Article article, long version) {
        return atVersion(write(article), article.version(), version);
    }

    /** What {@link #write} writes for {@code country.withVersion(version)}. */
    public static byte[] writeAtVersion(Country country, long version) {
        return atVersion(write(country), country.version(), version);
    }

    /**
     * What {@link #write} writes for a record at {@code version}, from what it wrote for the record without one
     * (and only that: a version already written would be written twice), for a holder of the JSON alone, such as a
     * benchmark's corpus.
     */
    public static byte[] atVersion(byte[] writtenWithoutVersion, long version) {
        return atVersion(writtenWithoutVersion, null, version);
    }

    /**
     * The same for a record written without a version that lies from {@code from} to {@code to} in a larger body (a
     * bulk line's, or a request's between its white space): one copy, with the version, rather than a copy of the
     * record and then a copy of that.
     */
    public static byte[] atVersion(byte[] body, int from, int to, long version) {
        return atVersion(body, from, to, null, version);
    }

    public static String writeString(Object record) {
        return LENIENT.writeValueAsString(record);
    }

    /**
     * The record's JSON with its version set, from the JSON written at the version it had: {@code version} is the
     * last component of every record and is written last, or not at all when null. Making the record again with
     * the new version would clean and check every text of it once more, the body of an article included.
     */
    private static byte[] atVersion(byte[] written, Long current, long version) {
        return atVersion(written, 0, written.length, current, version);
    }

    private static byte[] atVersion(byte[] written, int from, int to, Long current, long version) {
        byte[] tail = (current == null ? "}" : ",\"version\":" + current + "}").getBytes(StandardCharsets.US_ASCII);
        int kept = to - tail.length;
        if (kept <= from || !Arrays.equals(written, kept, to, tail, 0, tail.length)) {
            throw new IllegalStateException("a record's JSON does not end with its version: "
                    + new String(written, from, to - from, StandardCharsets.UTF_8));
        }
        byte[] added = ((written[kept - 1] == '{' ? "" : ",") + "\"version\":" + version + "}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] json = Arrays.copyOfRange(written, from, kept + added.length);
        System.arraycopy(added, 0, json, kept - from, added.length);
        return json;
    }

    /**
     * A copy of the bytes from {@code from} to {@code to} without what lies between {@code open} and {@code close}
     * (both kept): a string or an object left empty ({@code ""}, <code>{}</code>), for a parse that need not step
     * through what it held. Offsets up to {@code open} are the same in the copy, less {@code from}.
     */
    public static byte[] emptied(byte[] json, int from, int to, int open, int close) {
        byte[] kept = new byte[open + 1 - from + to - close];
        System.arraycopy(json, from, kept, 0, open + 1 - from);
        System.arraycopy(json, close, kept, open + 1 - from, to - close);
        return kept;
    }

    /**
     * Where the string value of the object's own {@code "body"} field opens, found on the bytes; -1 when there is none,
     * its name is written with an escape or its value is not a string. Only a hint: the parse decides.
     */
    static int bodyValueQuote(byte[] json, int from, int to) {
        int value = valueStart(json, from, to, "body");
        return value >= 0 && json[value] == '"' ? value : -1;
    }

    /**
     * Where the value of the named field of the JSON object opening at {@code from} starts (its first byte), found
     * on the bytes by following the object's strings and brackets up to the name; -1 when the name is not there, or
     * is written with an escape. Only a hint, for a caller that then parses what it found: the bytes are not checked
     * to be JSON.
     *
     * @param name a name in ASCII
     */
    public static int valueStart(byte[] json, int from, int to, String name) {
        int depth = 0;
        boolean nameNext = false;
        for (int i = from; i < to; i++) {
            byte b = json[i];
            if (b == '"') {
                int open = i;
                for (i++; i < to && json[i] != '"'; i++) {
                    if (json[i] == '\\') {
                        i++;
                    }
                }
                if (i >= to) {
                    return -1;
                }
                if (depth == 1 && nameNext) {
                    nameNext = false;
                    if (isName(json, open + 1, i, name)) {
                        int j = skipSpace(json, i + 1, to);
                        if (j >= to || json[j] != ':') {
                            return -1;
                        }
                        j = skipSpace(json, j + 1, to);
                        return j < to ? j : -1;
                    }
                }
            } else if (b == '{' || b == '[') {
                depth++;
                nameNext = depth == 1 && b == '{';
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth <= 0) {
                    return -1;
                }
            } else if (b == ',' && depth == 1) {
                nameNext = true;
            }
        }
        return -1;
    }

    private static boolean isName(byte[] json, int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (json[from + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(byte[] json, int from, int to) {
        int i = from;
        while (i < to && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static boolean hasLineBreak(byte[] json, int from, int to) {
        for (int i = from; i < to; i++) {
            if (json[i] == '\n' || json[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    /** A field's value as {@link #write} would have written it, or null for any other. */
    private static Object asWritten(JsonParser parser, JsonToken token, String field) {
        return switch (field) {
            case "countries", "tags" -> token == JsonToken.START_ARRAY ? textsAsWritten(parser) : null;
            case "publishedAt", "updatedAt" -> token == JsonToken.VALUE_STRING ? instantAsWritten(parser.getString())
                    : null;
            case "version" -> token == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? parser.getLongValue() : null;
            default -> token == JsonToken.VALUE_STRING ? parser.getString() : null;
        };
    }

    private static List<String> textsAsWritten(JsonParser parser) {
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
    private static Instant instantAsWritten(String text) {
        Instant written = WrittenInstants.parse(text);
        if (written != null) {
            return written;
        }
        Instant instant = Instant.parse(text);
        return instant.toString().equals(text) ? instant : null;
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Object value) {
        return (List<String>) value;
    }

    private static <T> T read(byte[] json, Class<T> type, boolean strict) {
        if (json == null || json.length == 0) {
            throw InvalidContentException.of("$", "the body is empty; send one JSON object");
        }
        return read(type, () -> (strict ? STRICT : LENIENT).readValue(json, type));
    }

    private static <T> T read(Class<T> type, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidContentException invalid) {
                throw invalid;
            }
            throw InvalidContentException.of(path(e), e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            throw InvalidContentException.of(path(e), "is not a field of " + type.getSimpleName().toLowerCase()
                    + "; known fields: " + String.join(", ", e.getKnownPropertyIds().stream()
                            .map(Object::toString).sorted().toList()));
        } catch (JacksonException e) {
            throw InvalidContentException.of(path(e), "is not valid: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "$" : path;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * Strict reading also takes no value of another JSON type for what it is not: a number, a boolean or an array
     * where text is expected (and text where a number is) is refused, never turned into text.
     */
    private static JsonMapper mapper(boolean strict) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.INDENT_OUTPUT);
        if (strict) {
            builder.addModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new IsoInstants()))
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .withCoercionConfig(LogicalType.Textual, (config) -> config
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Object, CoercionAction.Fail))
                    .withCoercionConfig(LogicalType.Integer, (config) -> config
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
        }
        return builder.build();
    }

    /** Instants as ISO-8601 text only, not as numbers of seconds or milliseconds. */
    private static final class IsoInstants extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getString().strip();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(parser, "is not an ISO-8601 instant such as 2026-03-02T08:00:00Z",
                        text, Instant.class);
            }
        }
    }
}
