package dev.contentpipeline.audit.repair;

import dev.contentpipeline.audit.drift.Drift;
import dev.contentpipeline.audit.sort.ExternalSort;
import dev.contentpipeline.audit.sort.SortedItems;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Repairs drift through the topic, the pipeline's one write path: the running indexer does the writing, with its
 * versioning, its country names and its dead letters. Drifted ids are collected as they are found (on disk, by
 * position), then the topic is read once in position order and each one's newest record published again; a ghost
 * the topic no longer holds gets a tombstone above its indexed version.
 *
 * <p>A document deleted straight from Elasticsearch (not through a tombstone) leaves no marker, but Elasticsearch
 * remembers its version for {@code index.gc_deletes} (60 s): a record published again within that time at a version
 * not above it is refused as a version conflict, and the next audit still reports it missing. Drift is found long
 * after it happened as a rule; where not, repairing again a minute later succeeds.
 */
public final class Republisher implements java.util.function.Consumer<Drift>, AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String runId;
    private final ExternalSort<RepairItem> pending;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private long tombstones;

    public Republisher(Producer<String, byte[]> producer, String topic, String runId, int runSize, Path tempDir) {
        this.producer = producer;
        this.topic = topic;
        this.runId = runId;
        this.pending = new ExternalSort<>(RepairItem.BY_POSITION, RepairItem.CODEC, runSize, tempDir);
    }

    @Override
    public void accept(Drift drift) {
        long indexed = drift.index() == null ? 0 : drift.index().version();
        if (drift.topic() == null) {
            send(RepairRecords.tombstone(this.topic, drift.id(), indexed, this.runId));
            this.tombstones++;
        } else {
            this.pending.add(new RepairItem(drift.topic().partition(), drift.topic().offset(), drift.id(),
                    drift.topic().version(), indexed));
        }
    }

    /** Reads the collected records from the topic, publishes them, and waits for the broker's acknowledgements. */
    public RepairCounts publish(Consumer<String, byte[]> consumer) {
        long republished = 0;
        long newVersion = 0;
        long superseded = 0;
        RecordAt records = new RecordAt(consumer, this.topic);
        try (SortedItems<RepairItem> items = this.pending.sorted()) {
            while (items.hasNext()) {
                RepairItem item = items.next();
                ConsumerRecord<String, byte[]> record = records.read(item.partition(), item.offset());
                if (record == null) {
                    superseded++;
                    continue;
                }
                send(RepairRecords.again(record, item.topicVersion(), item.indexedVersion()));
                if (item.topicVersion() > item.indexedVersion()) {
                    republished++;
                } else {
                    newVersion++;
                }
            }
        }
        this.producer.flush();
        if (this.failed.get() > 0) {
            throw new IllegalStateException("The broker did not acknowledge " + this.failed.get()
                    + " repair records; run the audit again", this.firstFailure.get());
        }
        return new RepairCounts(republished, newVersion, this.tombstones, superseded);
    }

    @Override
    public void close() {
        this.pending.close();
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            this.producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    this.failed.incrementAndGet();
                    this.firstFailure.compareAndSet(null, failure);
                }
            });
        } catch (KafkaException e) {
            this.failed.incrementAndGet();
            this.firstFailure.compareAndSet(null, e);
        }
    }
}
