package dev.contentpipeline.index.indexing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Map;

/**
 * One document to write at one version into an alias or index, with the Kafka record it came from (for the
 * dead-letter path; null for a write the indexer makes itself). The document is {@code document} alone, or, for an
 * article, the record's JSON ({@code recordJson}) with the fields of {@code document} added. {@code sameVersion}
 * lets the write replace a document of equal version: the indexer's own rewrites of an article with fresh country
 * names.
 */
record IndexWrite(ConsumerRecord<String, byte[]> source, String target, String id, long version,
                  Map<String, Object> document, RecordJson recordJson, boolean sameVersion) {

    IndexWrite(ConsumerRecord<String, byte[]> source, String target, String id, long version,
               Map<String, Object> document) {
        this(source, target, id, version, document, null, false);
    }

    /** The country codes the document names. */
    List<String> countryCodes() {
        if (recordJson != null) {
            return recordJson.countries() == null ? List.of() : recordJson.countries();
        }
        return CountryNameTable.codesOf(document);
    }
}
