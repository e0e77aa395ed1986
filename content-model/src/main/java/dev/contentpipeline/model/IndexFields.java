package dev.contentpipeline.model;

/**
 * Field names of the indexed documents beyond the records' own: what the indexer adds and the search reads.
 * An index document is the record's JSON plus these fields.
 */
public final class IndexFields {

    public static final String TYPE = "type";
    public static final String ID = "id";
    public static final String VERSION = "version";
    /** A deleted record stays as a marker holding its version, so an older version replayed later stays out. */
    public static final String DELETED = "deleted";

    private IndexFields() {
    }
}
