package dev.contentpipeline.audit;

import dev.contentpipeline.audit.drift.Drift;
import dev.contentpipeline.audit.drift.DriftKind;
import dev.contentpipeline.audit.repair.RepairCounts;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The audit's answer as a person reads it: what each side holds, each kind of drift with its first ids. */
final class AuditReport {

    private AuditReport() {
    }

    static void print(AuditResult result, PrintStream out) {
        out.printf("%s against alias %s (%s)%n", result.topic(), result.alias(),
                result.pointInTimeRefusal() == null ? "index read within a point in time"
                        : "index read without a point in time: " + result.pointInTimeRefusal());
        out.printf("  topic: %s records, %s ids (%s of them deleted)%s%n", n(result.scan().records()),
                n(result.totals().topicIds()), n(result.totals().topicDeleted()),
                result.scan().unindexable() == 0 ? ""
                        : ", " + n(result.scan().unindexable()) + " the indexer dead-letters, left out");
        for (String poison : result.scan().firstUnindexable()) {
            out.println("    left out: " + poison);
        }
        out.printf("  index: %s documents (%s of them delete markers)%n", n(result.totals().indexDocuments()),
                n(result.totals().indexMarkers()));
        for (DriftKind kind : DriftKind.values()) {
            List<Drift> first = result.drift().first(kind);
            long count = result.drift().count(kind);
            out.printf("  %-8s %s%s%n", kind.name().toLowerCase(Locale.ROOT), n(count), first.isEmpty() ? ""
                    : (count > first.size() ? "  first " + first.size() + ": " : ": ")
                            + first.stream().map(AuditReport::describe).collect(Collectors.joining(", ")));
        }
        AuditResult.Times times = result.times();
        out.printf("  %s drifted; %.1f s: index read in %.1f s, topic read and sorted in %.1f s (%d runs on disk), "
                + "compared in %.1f s%s%n", n(result.drift().total()), seconds(times.total()), seconds(times.index()),
                seconds(times.topic()), result.sortedRuns(), seconds(times.join()),
                result.repair() == null ? "" : ", repaired in " + String.format(Locale.ROOT, "%.1f s",
                        seconds(times.repair())));
        RepairCounts repair = result.repair();
        if (repair != null) {
            out.printf("  repair: published %s to %s: %s as they were, %s at a version above the indexed one, %s "
                    + "new tombstones%s; the indexer writes them: audit again once it has caught up%n",
                    n(repair.published()), result.topic(), n(repair.republished()), n(repair.newVersion()),
                    n(repair.tombstones()), repair.superseded() == 0 ? ""
                            : ", " + n(repair.superseded()) + " superseded by newer records since the audit read");
        }
    }

    /** {@code id (topic v7, index v5 deleted)}. */
    private static String describe(Drift drift) {
        String topic = drift.topic() == null ? "not in topic"
                : "topic v" + drift.topic().version() + (drift.topic().deleted() ? " tombstone" : "");
        String index = drift.index() == null ? "not indexed"
                : "index v" + drift.index().version() + (drift.index().deleted() ? " marker" : "");
        return drift.id() + " (" + topic + ", " + index + ")";
    }

    private static double seconds(java.time.Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String n(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
