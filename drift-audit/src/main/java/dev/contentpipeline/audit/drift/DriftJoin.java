package dev.contentpipeline.audit.drift;

import dev.contentpipeline.audit.index.IndexEntry;
import dev.contentpipeline.audit.topic.IdOrder;
import dev.contentpipeline.audit.topic.TopicEntry;

import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The merge-join of the two sides, both sorted by id in {@link IdOrder}: one pass, one entry of each side in
 * memory, every drifted id handed to the sink as it is found.
 */
public final class DriftJoin {

    private DriftJoin() {
    }

    /**
     * @param topic the newest record of each id, sorted by id, one per id
     * @param index the indexed documents sorted by id (should an alias reach two indices, the newest of an id counts)
     */
    public static JoinTotals join(Iterator<TopicEntry> topic, Iterator<IndexEntry> index, Consumer<Drift> sink) {
        long topicIds = 0;
        long topicDeleted = 0;
        long indexDocuments = 0;
        long indexMarkers = 0;
        TopicEntry t = topic.hasNext() ? topic.next() : null;
        IndexEntry i = index.hasNext() ? index.next() : null;
        while (t != null || i != null) {
            int order = t == null ? 1 : i == null ? -1 : IdOrder.compare(t.id(), i.id());
            TopicEntry left = order <= 0 ? t : null;
            IndexEntry right = null;
            if (order >= 0) {
                right = i;
                indexDocuments++;
                i = index.hasNext() ? index.next() : null;
                while (i != null && i.id().equals(right.id())) {
                    indexDocuments++;
                    right = i.version() > right.version() ? i : right;
                    i = index.hasNext() ? index.next() : null;
                }
                indexMarkers += right.deleted() ? 1 : 0;
            }
            if (left != null) {
                topicIds++;
                topicDeleted += left.deleted() ? 1 : 0;
                t = topic.hasNext() ? topic.next() : null;
            }
            DriftKind kind = classify(left, right);
            if (kind != null) {
                sink.accept(new Drift(kind, left != null ? left.id() : right.id(), left, right));
            }
        }
        return new JoinTotals(topicIds, topicDeleted, indexDocuments, indexMarkers);
    }

    /** The kind of drift between an id's newest topic record and its document, or null when they agree. */
    static DriftKind classify(TopicEntry topic, IndexEntry index) {
        boolean liveInTopic = topic != null && !topic.deleted();
        boolean liveInIndex = index != null && !index.deleted();
        if (liveInTopic && !liveInIndex) {
            return DriftKind.MISSING;
        }
        if (!liveInTopic) {
            return liveInIndex ? DriftKind.GHOST : null;
        }
        if (index.version() < topic.version()) {
            return DriftKind.STALE;
        }
        return index.version() > topic.version() ? DriftKind.AHEAD : null;
    }
}
