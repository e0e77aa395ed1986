package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.index.IndexProperties;
import dev.contentpipeline.model.ArticleHead;
import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;
import dev.contentpipeline.model.IndexFields;
import dev.contentpipeline.model.InvalidContentException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a topic record to the index write it asks for: the document, its target, id and version. The version comes
 * from the record's JSON, else from its {@code content-version} header (the only carrier on a tombstone), else from
 * its timestamp in microseconds, the scale ingest uses, so records produced by other tools still order by time.
 */
@Component
class IndexWriteMapper {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final IndexProperties properties;
    private final ContentNames names;

    IndexWriteMapper(IndexProperties properties, ContentNames names) {
        this.properties = properties;
        this.names = names;
    }

    IndexWrite toWrite(ConsumerRecord<String, byte[]> record, IndexTargets targets) {
        ContentType type = typeOf(record.topic());
        String target = targets.of(type);
        if (record.key() == null || record.key().isBlank()) {
            throw InvalidContentException.of("key", "a record needs its id as the key");
        }
        if (record.value() != null && record.value().length > properties.maxRecordBytes().toBytes()) {
            throw InvalidContentException.of("$", "the record is " + record.value().length + " bytes, over the "
                    + properties.maxRecordBytes().toBytes() + " bytes a record may hold");
        }
        if (record.value() == null) {
            long version = version(record, null);
            Map<String, Object> marker = added(type, record.key(), version, true);
            return new IndexWrite(record, target, record.key(), version, marker);
        }
        if (type == ContentType.ARTICLE) {
            RecordJson.Read read = RecordJson.read(record.value());
            ArticleHead article = read.article();
            checkKey(record, article.id());
            long version = version(record, article.version());
            Map<String, Object> added = added(type, article.id(), version, false);
            if (article.version() != null) {
                // Both hold the same version: the record's.
                added.remove(IndexFields.VERSION);
            }
            added.remove(IndexFields.ID);
            return new IndexWrite(record, target, article.id(), version, added, read.json(), false);
        }
        Country country = ContentJson.readCountry(record.value(), false);
        checkKey(record, country.code());
        long version = version(record, country.version());
        Map<String, Object> document = JsonMapper.shared().readValue(ContentJson.write(country), MAP);
        document.putAll(added(type, country.code(), version, false));
        return new IndexWrite(record, target, country.code(), version, document);
    }

    /** The fields the indexer adds to a record's, in the order it adds them. */
    private static Map<String, Object> added(ContentType type, String id, long version, boolean deleted) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(IndexFields.TYPE, type.wireName());
        fields.put(IndexFields.ID, id);
        fields.put(IndexFields.VERSION, version);
        fields.put(IndexFields.DELETED, deleted);
        return fields;
    }

    private static void checkKey(ConsumerRecord<String, byte[]> record, String id) {
        if (!id.equals(record.key())) {
            throw InvalidContentException.of("key", "the key '" + record.key() + "' differs from the record's id '"
                    + id + "'");
        }
    }

    /** The id of the request that published the record (header {@code request-id}), or "-". */
    static String requestId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(ContentHeaders.REQUEST_ID);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private ContentType typeOf(String topic) {
        ContentType type = names.topics().typeOf(topic);
        if (type == null) {
            throw new IllegalStateException("Not a content topic: " + topic);
        }
        return type;
    }

    private static long version(ConsumerRecord<String, byte[]> record, Long fromJson) {
        if (fromJson != null) {
            return fromJson;
        }
        Header header = record.headers().lastHeader(ContentHeaders.VERSION);
        if (header != null) {
            try {
                long version = Long.parseLong(new String(header.value(), StandardCharsets.UTF_8).strip());
                if (version > 0) {
                    return version;
                }
            } catch (NumberFormatException e) {
                // fall through to the refusal below
            }
            throw InvalidContentException.of(ContentHeaders.VERSION, "header must hold a positive decimal number");
        }
        return Math.multiplyExact(record.timestamp(), 1_000L);
    }
}
