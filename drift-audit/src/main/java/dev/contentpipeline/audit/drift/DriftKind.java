package dev.contentpipeline.audit.drift;

/** How an id's document differs from what the topic says it should be. */
public enum DriftKind {
    /** Live in the topic; absent from the index, or there only as a delete marker. */
    MISSING,
    /** Live in both; indexed at an older version than the topic's newest. */
    STALE,
    /** Live in the index; a tombstone in the topic, or absent from it. */
    GHOST,
    /**
     * Live in both; indexed at a newer version than any record the topic still holds (a newer record was compacted
     * away behind an older one published later, or someone wrote to the index directly). Replaying the topic would
     * not rebuild this document.
     */
    AHEAD
}
