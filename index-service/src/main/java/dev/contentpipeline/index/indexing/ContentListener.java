package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.InvalidContentException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes both content topics in one group, a batch at a time. Records are read as raw bytes and parsed
 * here, so a record that is not valid JSON, or not a valid record, reaches the dead-letter topic with its
 * original bytes and headers while the rest of the batch is indexed. Offsets are committed when this method
 * returns: after Elasticsearch acknowledged every item or the item was dead-lettered.
 */
@Component
class ContentListener {

    private static final Logger log = LoggerFactory.getLogger(ContentListener.class);

    static final String INDEXED_LOG = "dev.contentpipeline.index.indexed";

    private static final Logger indexedLog = LoggerFactory.getLogger(INDEXED_LOG);

    private final IndexDocuments documents;
    private final CountryNames countryNames;
    private final BulkIndexer indexer;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final Counter deadLettered;

    private final List<String> topics;

    ContentListener(IndexDocuments documents, CountryNames countryNames, BulkIndexer indexer,
                    DeadLetterPublishingRecoverer deadLetters, MeterRegistry meters, ContentNames names) {
        this.topics = List.of(names.topics().articles(), names.topics().countries());
        this.documents = documents;
        this.countryNames = countryNames;
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.deadLettered = meters.counter("pipeline.index.items", "outcome", "dead_lettered");
    }

    @KafkaListener(id = "content-indexer", idIsGroup = false, batch = "true",
            topics = "#{__listener.topics}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<IndexWrite> writes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                writes.add(documents.toWrite(record));
            } catch (InvalidContentException e) {
                deadLetter(record, consumer, e);
            }
        }
        enrich(writes);
        List<BulkIndexer.Rejection> rejections = indexer.write(writes);
        for (BulkIndexer.Rejection rejection : rejections) {
            deadLetter(rejection.write().source(), consumer, new IndexRejectedException(rejection.reason()));
        }
        logIndexed(writes, rejections);
        List<IndexWrite> countries = writes.stream().filter(w -> countryNames.isCountry(w)).toList();
        if (!countries.isEmpty()) {
            for (BulkIndexer.Rejection rejection : indexer.write(refreshedArticles(countries))) {
                log.warn("Could not refresh the country names of article {}: {}", rejection.write().id(),
                        rejection.reason());
            }
        }
    }

    /** The topics consumed, read by the listener annotation. */
    public List<String> getTopics() {
        return topics;
    }

    private void enrich(List<IndexWrite> writes) {
        try {
            countryNames.enrich(writes);
        } catch (IOException | ElasticsearchException e) {
            throw new RetryableIndexingException("Could not read the country names: " + e.getMessage(), e);
        }
    }

    private List<IndexWrite> refreshedArticles(List<IndexWrite> countries) {
        try {
            return countryNames.refreshedArticles(countries);
        } catch (IOException | ElasticsearchException e) {
            throw new RetryableIndexingException("Could not find the articles of changed countries: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A line per record Elasticsearch took, with the id of the request that published it (Kafka header
     * {@code request-id}), so that an operator can follow a write from ingest's log to here. Its own logger,
     * {@value #INDEXED_LOG}, so that it can be turned off.
     */
    private static void logIndexed(List<IndexWrite> writes, List<BulkIndexer.Rejection> rejections) {
        if (!indexedLog.isInfoEnabled()) {
            return;
        }
        java.util.Set<IndexWrite> rejected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        rejections.forEach(r -> rejected.add(r.write()));
        for (IndexWrite write : writes) {
            if (!rejected.contains(write)) {
                ConsumerRecord<String, byte[]> record = write.source();
                indexedLog.info("Indexed {} {} version {} from {}-{}@{} request-id {}", write.alias(), write.id(),
                        write.version(), record.topic(), record.partition(), record.offset(), requestId(record));
            }
        }
    }

    private static String requestId(ConsumerRecord<String, byte[]> record) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(ContentHeaders.REQUEST_ID);
        return header == null ? "-" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer, Exception reason) {
        log.warn("Dead-lettering {}-{}@{} (key {}, request-id {}): {}", record.topic(), record.partition(),
                record.offset(), record.key(), requestId(record), reason.getMessage());
        deadLetters.accept(record, consumer, reason);
        deadLettered.increment();
    }
}
