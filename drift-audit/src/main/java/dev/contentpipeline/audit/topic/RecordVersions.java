package dev.contentpipeline.audit.topic;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;
import dev.contentpipeline.model.InvalidContentException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * Reads a topic record the way index-service's {@code IndexWriteMapper} does (the topic contract in the README):
 * the id from the key, which must match the record's; the version from the JSON's {@code version}, else the
 * {@code content-version} header, else the timestamp in microseconds. A record the indexer would dead-letter is
 * refused here too, so the audit does not expect it in the index.
 */
public final class RecordVersions {

    private final ContentType type;
    private final long maxRecordBytes;

    public RecordVersions(ContentType type, long maxRecordBytes) {
        this.type = type;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** @throws InvalidContentException for a record the indexer cannot index */
    public TopicEntry entry(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.key().isBlank()) {
            throw InvalidContentException.of("key", "a record needs its id as the key");
        }
        byte[] value = record.value();
        if (value == null) {
            return new TopicEntry(record.key(), version(record, null), true, record.partition(), record.offset());
        }
        if (value.length > this.maxRecordBytes) {
            throw InvalidContentException.of("$", "the record is " + value.length + " bytes, over the "
                    + this.maxRecordBytes + " bytes a record may hold");
        }
        String id;
        Long version;
        if (this.type == ContentType.ARTICLE) {
            Article article = ContentJson.readArticle(value, false);
            id = article.id();
            version = article.version();
        } else {
            Country country = ContentJson.readCountry(value, false);
            id = country.code();
            version = country.version();
        }
        if (!id.equals(record.key())) {
            throw InvalidContentException.of("key", "the key '" + record.key() + "' differs from the id '" + id + "'");
        }
        return new TopicEntry(id, version(record, version), false, record.partition(), record.offset());
    }

    static long version(ConsumerRecord<String, byte[]> record, Long fromJson) {
        if (fromJson != null) {
            return fromJson;
        }
        Header header = record.headers().lastHeader(ContentHeaders.VERSION);
        if (header == null) {
            return Math.multiplyExact(record.timestamp(), 1_000L);
        }
        try {
            long version = Long.parseLong(new String(header.value(), StandardCharsets.UTF_8).strip());
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below, as the indexer refuses it
        }
        throw InvalidContentException.of(ContentHeaders.VERSION, "header must hold a positive decimal number");
    }
}
