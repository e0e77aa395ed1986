package dev.contentpipeline.audit.sort;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** How one item is written to a sorted run on disk and read back. */
public interface RunCodec<T> {

    void write(DataOutput out, T item) throws IOException;

    T read(DataInput in) throws IOException;
}
