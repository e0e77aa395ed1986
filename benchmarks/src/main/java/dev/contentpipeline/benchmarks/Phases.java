package dev.contentpipeline.benchmarks;

/** The phases' names, as the report, the CPU table and the profiles name them. */
final class Phases {

    static final String RAW_SWEEP = "raw bulk sweep";
    static final String RAW_BULK = "raw bulk";
    static final String END_TO_END = "end to end";
    static final String KAFKA_FILL = "backlog: Kafka fill";
    static final String BACKLOG_STARTUP = "backlog: indexer start-up";
    static final String BACKLOG_DRAIN = "backlog drain";
    static final String SEARCH_ONE_AT_A_TIME = "search, one at a time";
    static final String SEARCH_FIXED = "search, fixed rate";
    static final String SEARCH_CAPACITY = "search, rising rate";
    static final String SUGGEST_WARM = "suggest, warm service";
    static final String SEARCH_WARM = "search, one at a time, warm";
    static final String REBUILD = "rebuild";
    static final String SEARCH_AFTER_REBUILD = "search after a rebuild, one at a time";

    private Phases() {
    }

    static String freshness(int rate) {
        return "freshness " + rate + "/s";
    }

    /** The first freshness step, ingest's first single PUTs since it started (its bulk path ran before). */
    static String freshnessFirst(int rate) {
        return "freshness " + rate + "/s, first single PUTs";
    }
}
