package dev.contentpipeline.ingest.security;

/** What an API key may do. Neither implies the other: an operator's dashboard key need not publish. */
public enum Scope {
    /** Upserts, deletes, bulk and status: everything under /api. */
    WRITE,
    /** The actuator endpoints beyond health (metrics, info). */
    ADMIN
}
