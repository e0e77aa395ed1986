package dev.contentpipeline.audit.drift;

/**
 * What the merge-join saw on each side.
 *
 * @param topicIds ids in the topic (their newest records)
 * @param topicDeleted of which the newest record is a tombstone
 * @param indexDocuments documents behind the alias
 * @param indexMarkers of which delete markers
 */
public record JoinTotals(long topicIds, long topicDeleted, long indexDocuments, long indexMarkers) {
}
