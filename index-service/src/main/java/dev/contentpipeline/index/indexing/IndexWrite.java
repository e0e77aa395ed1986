package dev.contentpipeline.index.indexing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Map;

/**
 * One document to write at one version into an alias or index, with the Kafka record it came from (for the
 * dead-letter path; null for a write the indexer makes itself). {@code sameVersion} lets the write replace a
 * document of equal version: the indexer's own rewrites of an article with fresh country names.
 */
record IndexWrite(ConsumerRecord<String, byte[]> source, String target, String id, long version,
                  Map<String, Object> document, boolean sameVersion) {

    IndexWrite(ConsumerRecord<String, byte[]> source, String target, String id, long version,
               Map<String, Object> document) {
        this(source, target, id, version, document, false);
    }
}
