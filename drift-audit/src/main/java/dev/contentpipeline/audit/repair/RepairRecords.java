package dev.contentpipeline.audit.repair;

import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.IndexFields;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** The records a repair publishes: the topic's own record again, or with a version the index will take. */
final class RepairRecords {

    private RepairRecords() {
    }

    /**
     * The record as it is, with its headers and timestamp (a version taken from the timestamp stays the same),
     * when its version is newer than the indexed one; otherwise the same record at {@code indexedVersion + 1}, in
     * its JSON's {@code version} when it carries one there (that wins over the header), else in the header.
     */
    static ProducerRecord<String, byte[]> again(ConsumerRecord<String, byte[]> record, long topicVersion,
            long indexedVersion) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        byte[] value = record.value();
        if (topicVersion <= indexedVersion) {
            long version = indexedVersion + 1;
            JsonNode json = value == null ? null : JsonMapper.shared().readTree(value);
            if (json instanceof ObjectNode object && object.has(IndexFields.VERSION)) {
                object.put(IndexFields.VERSION, version);
                value = JsonMapper.shared().writeValueAsBytes(object);
                if (headers.lastHeader(ContentHeaders.VERSION) != null) {
                    setVersion(headers, version);
                }
            } else {
                setVersion(headers, version);
            }
        }
        return new ProducerRecord<>(record.topic(), null, record.timestamp(), record.key(), value, headers);
    }

    /** A tombstone for an id the topic no longer holds, newer than its document. */
    static ProducerRecord<String, byte[]> tombstone(String topic, String id, long indexedVersion, String runId) {
        Headers headers = new RecordHeaders();
        setVersion(headers, indexedVersion + 1);
        headers.add(ContentHeaders.REQUEST_ID, runId.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, null, id, null, headers);
    }

    private static void setVersion(Headers headers, long version) {
        headers.remove(ContentHeaders.VERSION);
        headers.add(ContentHeaders.VERSION, Long.toString(version).getBytes(StandardCharsets.UTF_8));
    }
}
