package dev.contentpipeline.audit.sort;

import java.util.Iterator;

/** Items in order, read once; closing releases the files behind them. */
public interface SortedItems<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();
}
