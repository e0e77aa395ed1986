package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.index.IndexProperties;
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

    private final BatchWriter writer;
    private final DeadLetterSender deadLetters;
    private final IndexTargets aliases;
    private final List<String> topics;
    private final int firstRecords;
    /** Whether this consumer thread has written a batch yet. */
    private final ThreadLocal<Boolean> written = ThreadLocal.withInitial(() -> false);

    ContentListener(BatchWriter writer, DeadLetterSender deadLetters, ContentNames names, IndexProperties properties) {
        this.topics = List.of(names.topics().articles(), names.topics().countries());
        this.aliases = IndexTargets.aliases(names);
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.firstRecords = properties.batch().firstRecords();
    }

    /**
     * A consumer's first batch goes in two bulk requests, the first small ({@code index.batch.first-records}), so that
     * documents reach Elasticsearch seconds sooner after a start on a backlog; a part written before the other failed
     * is written again with the whole batch, where the versions make it a no-op.
     */
    @KafkaListener(id = "content-indexer", idIsGroup = false, batch = "true",
            topics = "#{__listener.topics}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<List<ConsumerRecord<String, byte[]>>> parts = written.get() || records.size() <= firstRecords
                ? List.of(records)
                : List.of(records.subList(0, firstRecords), records.subList(firstRecords, records.size()));
        List<DeadLetterSender.Letter> poison = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> part : parts) {
            BatchWriter.Outcome outcome = writer.write(part, aliases);
            logIndexed(outcome);
            poison.addAll(outcome.poison);
        }
        written.set(true);
        // Last: a batch that fails before here for a passing reason is tried again, and must not dead-letter twice.
        deadLetters.send(poison, records, consumer);
    }

    /** The topics consumed, read by the listener annotation. */
    public List<String> getTopics() {
        return topics;
    }

    /**
     * A line per record, with the id of the request that published it (Kafka header {@code request-id}), so that an
     * operator can follow a write from ingest's log to here: "Indexed" where Elasticsearch took it, "Superseded"
     * where the index already held a newer version (a redelivery, or an older write that arrived late), nothing here
     * for a rejected one (the dead-letter path logs it). Its own logger, {@value #INDEXED_LOG}, so that it can be
     * turned off.
     */
    private static void logIndexed(BatchWriter.Outcome outcome) {
        if (!indexedLog.isInfoEnabled()) {
            return;
        }
        Set<IndexWrite> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
        outcome.rejections.forEach(r -> rejected.add(r.write()));
        Set<IndexWrite> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
        superseded.addAll(outcome.superseded);
        for (IndexWrite write : outcome.writes) {
            if (!rejected.contains(write)) {
                ConsumerRecord<String, byte[]> record = write.source();
                indexedLog.info("{} {} {} version {} from {}-{}@{} request-id {}",
                        superseded.contains(write) ? "Superseded (a newer version is indexed)" : "Indexed",
                        write.target(), write.id(), write.version(), record.topic(), record.partition(),
                        record.offset(), IndexWriteMapper.requestId(record));
            }
        }
    }
}
