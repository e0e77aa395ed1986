package dev.contentpipeline.index.indexing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;

/** One document to write at one version, with the Kafka record it came from (for the dead-letter path). */
record IndexWrite(ConsumerRecord<String, byte[]> source, String alias, String id, long version,
                  Map<String, Object> document) {
}
