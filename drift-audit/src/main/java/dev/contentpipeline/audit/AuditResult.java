package dev.contentpipeline.audit;

import dev.contentpipeline.audit.drift.DriftTally;
import dev.contentpipeline.audit.drift.JoinTotals;
import dev.contentpipeline.audit.repair.RepairCounts;
import dev.contentpipeline.audit.topic.TopicScan;

import java.time.Duration;

/**
 * One content type's audit.
 *
 * @param pointInTimeRefusal why the index was read without a point in time, or null when it had one
 * @param sortedRuns runs the topic's entries were spilled to (0: they fitted in memory)
 * @param repair what the repair published, or null without --repair
 */
record AuditResult(String topic, String alias, TopicScan scan, JoinTotals totals, DriftTally drift,
        String pointInTimeRefusal, int sortedRuns, Times times, RepairCounts repair) {

    /** Reading the index, reading and sorting the topic, merging and comparing, repairing. */
    record Times(Duration index, Duration topic, Duration join, Duration repair) {

        Duration total() {
            return this.index.plus(this.topic).plus(this.join).plus(this.repair);
        }
    }
}
