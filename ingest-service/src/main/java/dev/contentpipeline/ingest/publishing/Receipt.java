package dev.contentpipeline.ingest.publishing;

/** What the broker acknowledged: the answer to every accepted write. */
public record Receipt(String type, String id, long version, String topic, int partition, long offset) {
}
