package dev.contentpipeline.audit.repair;

import dev.contentpipeline.audit.sort.RunCodec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;

/**
 * A topic record to publish again, kept on disk by its position until the repair reads the topic in order.
 *
 * @param topicVersion the version the audit read from it
 * @param indexedVersion the version of the document it must replace (0 for none): what it is published with must
 *        be newer, or the indexer's external versioning refuses it
 */
record RepairItem(int partition, long offset, String id, long topicVersion, long indexedVersion) {

    static final Comparator<RepairItem> BY_POSITION = Comparator.comparingInt(RepairItem::partition)
            .thenComparingLong(RepairItem::offset);

    static final RunCodec<RepairItem> CODEC = new RunCodec<>() {

        @Override
        public void write(DataOutput out, RepairItem item) throws IOException {
            out.writeInt(item.partition());
            out.writeLong(item.offset());
            out.writeUTF(item.id());
            out.writeLong(item.topicVersion());
            out.writeLong(item.indexedVersion());
        }

        @Override
        public RepairItem read(DataInput in) throws IOException {
            return new RepairItem(in.readInt(), in.readLong(), in.readUTF(), in.readLong(), in.readLong());
        }
    };
}
