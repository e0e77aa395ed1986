package dev.contentpipeline.model;

/** Kafka record headers that belong to the wire contract. */
public final class ContentHeaders {

    /** The version of a record, as decimal text; the only carrier of a version on a tombstone. */
    public static final String VERSION = "content-version";

    /**
     * The id of the HTTP request that published the record (its {@code X-Request-Id}, or the trace id of its
     * {@code traceparent}, or one ingest made up), so that the indexer's log line for the record can be found from
     * the publisher's request. Optional: other producers may leave it out.
     */
    public static final String REQUEST_ID = "request-id";

    private ContentHeaders() {
    }
}
