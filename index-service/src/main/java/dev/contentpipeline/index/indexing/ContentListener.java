package dev.contentpipeline.index.indexing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.index.IndexProperties;
import dev.contentpipeline.index.merging.MergeAfterLoad;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes both content topics in one group, a poll at a time, in one bulk request per batch the poll holds, at
 * once: one consumer keeps Elasticsearch's cores busy on a backlog as one per partition did, and costs the broker
 * less (it fetches for one consumer rather than one per partition). Records are read as raw bytes and parsed here,
 * so a record that is not valid JSON, or not a valid record, reaches the dead-letter topic with its original bytes
 * and headers while the rest of the poll is indexed. Offsets are committed when this method returns: after
 * Elasticsearch acknowledged every item and the poison records were dead-lettered. A passing failure throws, and the
 * error handler tries the whole poll again.
 */
@Component
class ContentListener {

    static final String INDEXED_LOG = "dev.contentpipeline.index.indexed";

    private static final Logger indexedLog = LoggerFactory.getLogger(INDEXED_LOG);

    private final BatchWriter writer;
    private final DeadLetterSender deadLetters;
    private final MergeAfterLoad merges;
    private final IndexTargets aliases;
    private final List<String> topics;
    private final IndexProperties.Batch batch;
    /** Writes the parts of a poll beyond the first, which the consumer's thread writes itself. */
    private final ExecutorService bulks;
    private final DistributionSummary bulksPerPoll;
    /** Whether this consumer thread has written a batch yet. */
    private final ThreadLocal<Boolean> written = ThreadLocal.withInitial(() -> false);

    ContentListener(BatchWriter writer, DeadLetterSender deadLetters, MergeAfterLoad merges, ContentNames names,
                    IndexProperties properties, MeterRegistry meters) {
        this.topics = List.of(names.topics().articles(), names.topics().countries());
        this.aliases = IndexTargets.aliases(names);
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.merges = merges;
        this.batch = properties.batch();
        this.bulksPerPoll = DistributionSummary.builder("pipeline.index.poll.bulks")
                .description("Bulk requests a poll's records were written in at once").register(meters);
        AtomicInteger threads = new AtomicInteger();
        this.bulks = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "index-bulk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        bulks.shutdown();
    }

    /**
     * A poll's records go in up to {@code index.batch.bulks-in-flight} bulk requests at once ({@link BatchParts}); the
     * batch counts as written when all of them ended, and a passing failure of any is thrown once all ended, for the
     * whole poll to be tried again (the parts written are no-ops then, by their versions). A consumer's first poll
     * goes in two steps, the first small ({@code index.batch.first-records}), so that documents reach Elasticsearch
     * seconds sooner after a start on a backlog.
     */
    @KafkaListener(id = "content-indexer", idIsGroup = false, batch = "true",
            topics = "#{__listener.topics}")
    void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        int first = batch.firstRecords();
        List<List<ConsumerRecord<String, byte[]>>> steps = written.get() || records.size() <= first
                ? List.of(records)
                : List.of(records.subList(0, first), records.subList(first, records.size()));
        List<DeadLetterSender.Letter> poison = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> step : steps) {
            for (BatchWriter.Outcome outcome : writeAtOnce(BatchParts.split(step, batch.bulksInFlight(),
                    batch.maxBytes().toBytes(), batch.maxRecords()))) {
                logIndexed(outcome);
                merges.written(outcome.writes.size() - outcome.rejections.size());
                poison.addAll(outcome.poison);
            }
        }
        written.set(true);
        // Last: a batch that fails before here for a passing reason is tried again, and must not dead-letter twice.
        deadLetters.send(poison, records, consumer);
    }

    /** Throws the first part's failure, the others' suppressed in it, once every part has ended. */
    private List<BatchWriter.Outcome> writeAtOnce(List<List<ConsumerRecord<String, byte[]>>> parts) {
        bulksPerPoll.record(parts.size());
        List<CompletableFuture<BatchWriter.Outcome>> others = parts.subList(1, parts.size()).stream()
                .map(part -> CompletableFuture.supplyAsync(() -> writer.write(part, aliases), bulks)).toList();
        List<BatchWriter.Outcome> outcomes = new ArrayList<>(parts.size());
        RuntimeException failure = null;
        try {
            outcomes.add(writer.write(parts.get(0), aliases));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<BatchWriter.Outcome> other : others) {
            try {
                outcomes.add(other.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return outcomes;
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
        // One log event per bulk request, a line per record in it: an event per record (the pattern's converters,
        // a write to the log each) cost a tenth of index-service's CPU through a drain (README, round 37).
        StringBuilder lines = new StringBuilder(outcome.writes.size() * 128);
        int count = 0;
        for (IndexWrite write : outcome.writes) {
            if (!rejected.contains(write)) {
                ConsumerRecord<String, byte[]> record = write.source();
                lines.append('\n')
                    .append(superseded.contains(write) ? "Superseded (a newer version is indexed) " : "Indexed ")
                    .append(write.target()).append(' ').append(write.id()).append(" version ").append(write.version())
                    .append(" from ").append(record.topic()).append('-').append(record.partition()).append('@')
                    .append(record.offset()).append(" request-id ").append(IndexWriteMapper.requestId(record));
                count++;
            }
        }
        if (count > 0) {
            indexedLog.info("{} in one bulk request:{}", count == 1 ? "1 record" : count + " records", lines);
        }
    }
}
