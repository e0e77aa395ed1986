package dev.contentpipeline.audit.repair;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Reads records by position, for positions asked in increasing order: it reads on where the next one is near and
 * seeks where it is far, so a repair of a few records does not read the whole topic, nor one of many seek for each.
 */
final class RecordAt {

    /** Records between two wanted ones read through rather than seeking (one fetch holds about as many). */
    private static final long SEEK_GAP = 2_000;

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private TopicPartition partition;
    private long end;
    private Iterator<ConsumerRecord<String, byte[]>> fetched = Collections.emptyIterator();
    private ConsumerRecord<String, byte[]> ahead;
    private long next;

    RecordAt(Consumer<String, byte[]> consumer, String topic) {
        this.consumer = consumer;
        this.topic = topic;
    }

    /** The record at the position, or null when it is gone (compacted away behind a newer record of its key). */
    ConsumerRecord<String, byte[]> read(int partition, long offset) {
        if (this.partition == null || this.partition.partition() != partition) {
            this.partition = new TopicPartition(this.topic, partition);
            this.consumer.assign(List.of(this.partition));
            this.end = this.consumer.endOffsets(List.of(this.partition), Duration.ofSeconds(30)).get(this.partition);
            seek(offset);
        } else if (offset - this.next > SEEK_GAP) {
            seek(offset);
        }
        while (true) {
            ConsumerRecord<String, byte[]> record = nextRecord();
            if (record == null) {
                return null;
            }
            if (record.offset() > offset) {
                this.ahead = record;
                this.next = record.offset();
                return null;
            }
            this.next = record.offset() + 1;
            if (record.offset() == offset) {
                return record;
            }
        }
    }

    private void seek(long offset) {
        this.consumer.seek(this.partition, offset);
        this.fetched = Collections.emptyIterator();
        this.ahead = null;
        this.next = offset;
    }

    /** The next record of the partition, or null past its end. */
    private ConsumerRecord<String, byte[]> nextRecord() {
        if (this.ahead != null) {
            ConsumerRecord<String, byte[]> record = this.ahead;
            this.ahead = null;
            return record;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!this.fetched.hasNext()) {
            if (this.consumer.position(this.partition) >= this.end) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No record of " + this.partition + " arrived within 60 s");
            }
            this.fetched = this.consumer.poll(Duration.ofSeconds(1)).records(this.partition).iterator();
        }
        return this.fetched.next();
    }
}
