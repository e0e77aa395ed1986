package dev.contentpipeline.apikeys;

/** What an API key may do. Neither implies the other: an operator's dashboard key need not publish. */
public enum Scope {
    /** Publishing: upserts, deletes, bulk and status (ingest's /api). */
    WRITE,
    /** Operating: the actuator beyond health (metrics, Prometheus), index-service's management API. */
    ADMIN
}
