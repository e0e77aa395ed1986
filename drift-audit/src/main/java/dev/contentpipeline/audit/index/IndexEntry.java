package dev.contentpipeline.audit.index;

import dev.contentpipeline.audit.sort.RunCodec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** What the audit reads of one indexed document: its id, its external version, and whether it is a delete marker. */
public record IndexEntry(String id, long version, boolean deleted) {

    public static final RunCodec<IndexEntry> CODEC = new RunCodec<>() {

        @Override
        public void write(DataOutput out, IndexEntry entry) throws IOException {
            out.writeUTF(entry.id());
            out.writeLong(entry.version());
            out.writeBoolean(entry.deleted());
        }

        @Override
        public IndexEntry read(DataInput in) throws IOException {
            return new IndexEntry(in.readUTF(), in.readLong(), in.readBoolean());
        }
    };
}
