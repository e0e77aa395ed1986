package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.InvalidContentException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Consumes both content topics in one group, a batch at a time. Records are read as raw bytes and parsed
 * here, so a record that is not valid JSON, or not a valid record, reaches the dead-letter topic with its
 * original bytes and headers while the rest of the batch is indexed. Offsets are committed when this method
 * returns: after Elasticsearch acknowledged every item and the poison records were dead-lettered. A passing
 * failure throws, and the error handler tries the whole batch again.
 */
@Component
class ContentListener {

    static final String INDEXED_LOG = "dev.contentpipeline.index.indexed";

    private static final Logger indexedLog = LoggerFactory.getLogger(INDEXED_LOG);

    private final IndexWriteMapper mapper;
    private final CountryNameEnricher countryNames;
    private final BulkIndexer indexer;
    private final DeadLetterSender deadLetters;

    private final List<String> topics;

    ContentListener(IndexWriteMapper mapper, CountryNameEnricher countryNames, BulkIndexer indexer,
                    DeadLetterSender deadLetters, ContentNames names) {
        this.topics = List.of(names.topics().articles(), names.topics().countries());
        this.mapper = mapper;
        this.countryNames = countryNames;
        this.indexer = indexer;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "content-indexer", idIsGroup = false, batch = "true",
            topics = "#{__listener.topics}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<IndexWrite> writes = new ArrayList<>(records.size());
        List<DeadLetterSender.Letter> poison = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                writes.add(mapper.toWrite(record));
            } catch (InvalidContentException e) {
                poison.add(new DeadLetterSender.Letter(record, e));
            }
        }
        countryNames.enrich(writes);
        List<BulkIndexer.Rejection> rejections = indexer.write(writes);
        rejections.forEach(rejection -> poison.add(new DeadLetterSender.Letter(rejection.write().source(),
                new IndexRejectedException(rejection.reason()))));
        logIndexed(writes, rejections);
        countryNames.refreshArticlesNamingCountriesOf(writes);
        // Last: a batch that fails before here for a passing reason is tried again, and must not dead-letter twice.
        deadLetters.send(poison, consumer);
    }

    /** The topics consumed, read by the listener annotation. */
    public List<String> getTopics() {
        return topics;
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
        Set<IndexWrite> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
        rejections.forEach(r -> rejected.add(r.write()));
        for (IndexWrite write : writes) {
            if (!rejected.contains(write)) {
                ConsumerRecord<String, byte[]> record = write.source();
                indexedLog.info("Indexed {} {} version {} from {}-{}@{} request-id {}", write.alias(), write.id(),
                        write.version(), record.topic(), record.partition(), record.offset(),
                        IndexWriteMapper.requestId(record));
            }
        }
    }
}
