package dev.contentpipeline.index.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where one rebuild or rollback stands, written by its thread and read by the API's: the step, the records replayed
 * and skipped, the replay's lag, and how it ended. {@link #report()} is the answer an operator reads.
 */
final class Progress {

    enum Step { STARTING, CREATING, REPLAYING, MERGING, SWAPPING, CATCHING_UP, DONE, FAILED }

    /**
     * @param lag records on the topics the replay has not reached yet, at its last batch; at the end of a pass, what
     *            it has not reached of the end offsets read at the pass's start (0 once done)
     * @param recordsSkipped records that can never be indexed (the listener dead-lettered them), so not replayed
     * @param next what the operator may do now
     */
    record Report(String operation, String state, String by, String from, String to, String consumerGroup,
                  Instant startedAt, Instant swappedAt, Instant finishedAt, long recordsReplayed, long recordsSkipped,
                  long lag, double recordsPerSecond, Long etaSeconds, List<String> createdIndices, String failure,
                  String next) {
    }

    private final String operation;
    private final String by;
    private final Instant startedAt = Instant.now();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private volatile Step step = Step.STARTING;
    private volatile IndexPair from;
    private volatile IndexPair to;
    private volatile String group;
    private volatile long replayStartedNanos;
    private volatile long lag;
    private volatile Instant swappedAt;
    private volatile Instant finishedAt;
    private volatile String failure;

    Progress(String operation, String by) {
        this.operation = operation;
        this.by = by;
    }

    boolean running() {
        return step != Step.DONE && step != Step.FAILED;
    }

    void step(Step next) {
        step = next;
    }

    void moving(IndexPair from, IndexPair to, String group) {
        this.from = from;
        this.to = to;
        this.group = group;
    }

    void from(IndexPair from) {
        this.from = from;
    }

    void created(String index) {
        created.add(index);
    }

    /** Counts a written batch; the rate counts from the first. */
    void replayed(int records, int poison) {
        if (replayStartedNanos == 0) {
            replayStartedNanos = System.nanoTime();
        }
        replayed.addAndGet(records - poison);
        skipped.addAndGet(poison);
    }

    void lag(long records) {
        lag = records;
    }

    long recordsReplayed() {
        return replayed.get() + skipped.get();
    }

    /** Nanoseconds since the first batch, or 0 before it. */
    long replayNanos() {
        return replayStartedNanos == 0 ? 0 : System.nanoTime() - replayStartedNanos;
    }

    void swapped() {
        swappedAt = Instant.now();
    }

    void done() {
        finishedAt = Instant.now();
        step = Step.DONE;
    }

    void failed(String reason) {
        failure = reason;
        finishedAt = Instant.now();
        step = Step.FAILED;
    }

    Report report() {
        double seconds = replayNanos() / 1e9;
        double rate = seconds > 0 ? recordsReplayed() / seconds : 0;
        Long eta = running() && rate > 0 ? Math.round(lag / rate) : null;
        return new Report(operation, step.name().toLowerCase().replace('_', '-'), by,
                from == null ? null : from.toString(), to == null ? null : to.toString(), group, startedAt, swappedAt, finishedAt, replayed.get(), skipped.get(), lag,
                Math.round(rate * 10) / 10.0, eta, List.copyOf(created), failure, next());
    }

    private String next() {
        if (running()) {
            return "GET /api/rebuilds/current shows the progress; one rebuild or rollback runs at a time";
        }
        if (step == Step.DONE && "rollback".equals(operation)) {
            return "The aliases point at " + to + " again. " + from + " serve nothing now; Elasticsearch's operator "
                    + "may delete them (index-service may not): DELETE /" + from.articles() + "," + from.countries()
                    + ". POST /api/rebuilds makes a new version.";
        }
        if (step == Step.DONE) {
            return "The aliases point at " + to + ". " + from + " stay, for POST /api/rebuilds/rollback (which first "
                    + "replays into them what was written since). Once no rollback is wanted, Elasticsearch's operator "
                    + "deletes them (index-service may not): DELETE /" + from.articles() + "," + from.countries();
        }
        if (swappedAt == null) {
            return "The aliases were not moved" + (from == null ? "." : "; they still point at " + from + ".")
                    + (created.isEmpty() ? "" : " The unfinished " + String.join(" and ", created) + " serve nothing; "
                    + "Elasticsearch's operator may delete them: DELETE /" + String.join(",", created));
        }
        return "The aliases point at " + to + " since " + swappedAt + ", which may lack writes sent to " + from
                + " just before: POST /api/rebuilds makes a new version from the topics"
                + ("rebuild".equals(operation) ? ", or POST /api/rebuilds/rollback returns to " + from
                + " after replaying into them what was written since" : "") + ".";
    }
}
