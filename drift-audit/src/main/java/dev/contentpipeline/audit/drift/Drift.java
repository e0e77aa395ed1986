package dev.contentpipeline.audit.drift;

import dev.contentpipeline.audit.index.IndexEntry;
import dev.contentpipeline.audit.topic.TopicEntry;

/**
 * One id whose document is not what the topic says.
 *
 * @param topic the topic's newest record of the id, or null when the topic has none
 * @param index the indexed document, or null when there is none
 */
public record Drift(DriftKind kind, String id, TopicEntry topic, IndexEntry index) {

    /** The version a write must carry to replace the indexed document: external versions only move up. */
    public long versionAboveIndex() {
        return this.index == null ? 1 : this.index.version() + 1;
    }
}
