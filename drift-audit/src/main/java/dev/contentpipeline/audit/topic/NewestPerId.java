package dev.contentpipeline.audit.topic;

import dev.contentpipeline.audit.sort.SortedItems;

import java.util.NoSuchElementException;

/**
 * The record of each id the indexer ends up with, from entries sorted by {@link TopicEntry#NEWEST_FIRST}: the
 * first of each id. A compacted topic still holds several records of an id until the cleaner passes.
 */
public final class NewestPerId implements SortedItems<TopicEntry> {

    private final SortedItems<TopicEntry> sorted;
    private TopicEntry next;

    public NewestPerId(SortedItems<TopicEntry> sorted) {
        this.sorted = sorted;
        this.next = sorted.hasNext() ? sorted.next() : null;
    }

    @Override
    public boolean hasNext() {
        return this.next != null;
    }

    @Override
    public TopicEntry next() {
        TopicEntry newest = this.next;
        if (newest == null) {
            throw new NoSuchElementException();
        }
        this.next = null;
        while (this.sorted.hasNext()) {
            TopicEntry candidate = this.sorted.next();
            if (!candidate.id().equals(newest.id())) {
                this.next = candidate;
                break;
            }
        }
        return newest;
    }

    @Override
    public void close() {
        this.sorted.close();
    }
}
