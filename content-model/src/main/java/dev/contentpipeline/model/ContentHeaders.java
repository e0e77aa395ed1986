package dev.contentpipeline.model;

/** Kafka record headers that belong to the wire contract. */
public final class ContentHeaders {

    /** The version of a record, as decimal text; the only carrier of a version on a tombstone. */
    public static final String VERSION = "content-version";

    private ContentHeaders() {
    }
}
