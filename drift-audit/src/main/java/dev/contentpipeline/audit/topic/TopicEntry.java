package dev.contentpipeline.audit.topic;

import dev.contentpipeline.audit.sort.RunCodec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;

/**
 * What the audit keeps of one topic record: its id, the version the indexer would give it, whether it is a
 * tombstone, and where it is (to fetch it again for a repair). A few dozen bytes, whatever the record's size.
 */
public record TopicEntry(String id, long version, boolean deleted, int partition, long offset) {

    /**
     * By id; within an id the newest version first and, between equal versions, the earliest offset: the one the
     * indexer keeps, since an equal external version is refused as a conflict.
     */
    public static final Comparator<TopicEntry> NEWEST_FIRST = Comparator
            .comparing(TopicEntry::id, IdOrder.CODE_POINTS)
            .thenComparing(Comparator.comparingLong(TopicEntry::version).reversed())
            .thenComparingInt(TopicEntry::partition)
            .thenComparingLong(TopicEntry::offset);

    public static final RunCodec<TopicEntry> CODEC = new RunCodec<>() {

        @Override
        public void write(DataOutput out, TopicEntry entry) throws IOException {
            out.writeUTF(entry.id());
            out.writeLong(entry.version());
            out.writeBoolean(entry.deleted());
            out.writeInt(entry.partition());
            out.writeLong(entry.offset());
        }

        @Override
        public TopicEntry read(DataInput in) throws IOException {
            return new TopicEntry(in.readUTF(), in.readLong(), in.readBoolean(), in.readInt(), in.readLong());
        }
    };
}
