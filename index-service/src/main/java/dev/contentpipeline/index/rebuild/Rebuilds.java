package dev.contentpipeline.index.rebuild;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds and rollbacks, one at a time, each on a thread of its own while the listener goes on writing through the
 * aliases. Both are the same move: feed the target version from the topics until it has caught up (a rebuild then
 * merges its new version's segments), refresh it, move both aliases in one request, record how far the version they
 * left holds the topics, then feed the target again up to the end of the topics as they are after the move, so that it
 * also holds whatever the listener wrote into the other version just before. A rebuild first creates the target, next
 * version, and replays into it from the beginning; a rollback's target is the version the live one replaced, fed from
 * where it was left. Nothing before the move touches the aliases, so a failure there leaves them where they were.
 */
@Component
class Rebuilds implements DisposableBean {

    /** Another rebuild or rollback is under way. */
    static final class Busy extends RuntimeException {

        final transient Progress.Report current;

        Busy(Progress.Report current) {
            super("A " + current.operation() + " is under way (" + current.state() + ")");
            this.current = current;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final VersionedIndices indices;
    private final AliasSwap aliases;
    private final FeedOffsets offsets;
    private final TopicFeed feed;
    private final AtomicReference<Progress> current = new AtomicReference<>();
    private volatile Thread worker;

    Rebuilds(VersionedIndices indices, AliasSwap aliases, FeedOffsets offsets, TopicFeed feed) {
        this.indices = indices;
        this.aliases = aliases;
        this.offsets = offsets;
        this.feed = feed;
    }

    Progress.Report rebuild(String by) {
        Progress progress = claim("rebuild", by);
        start(progress, () -> {
            IndexPair from = indices.live();
            progress.from(from);
            progress.step(Progress.Step.CREATING);
            move(progress, from, indices.createNext(from, progress::created), true);
        });
        return progress.report();
    }

    Progress.Report rollback(String by) {
        Progress before = current.get();
        Progress progress = claim("rollback", by);
        IndexPair from;
        IndexPair to;
        try {
            from = indices.live();
            to = indices.previous(from);
            if (!offsets.known(to)) {
                throw new NothingToRollBack("There is no record of how far " + to + " hold the topics (consumer group "
                        + offsets.group(to) + "), so they cannot be caught up; POST /api/rebuilds makes a new version");
            }
        } catch (RuntimeException e) {
            current.compareAndSet(progress, before);
            throw e;
        }
        progress.from(from);
        start(progress, () -> move(progress, from, to, false));
        return progress.report();
    }

    Optional<Progress.Report> current() {
        return Optional.ofNullable(current.get()).map(Progress::report);
    }

    private void move(Progress progress, IndexPair from, IndexPair to, boolean fromBeginning) {
        progress.moving(from, to, offsets.group(to));
        try (Consumer<String, byte[]> consumer = feed.open(offsets.group(to), fromBeginning)) {
            progress.step(Progress.Step.REPLAYING);
            feed.catchUp(consumer, to.targets(), progress);
            if (fromBeginning) {
                progress.step(Progress.Step.MERGING);
                aliases.merge(to);
            }
            progress.step(Progress.Step.SWAPPING);
            aliases.refresh(to);
            Map<TopicPartition, OffsetAndMetadata> fromReach = offsets.liveReach(consumer.assignment());
            aliases.swap(from, to);
            progress.swapped();
            offsets.record(from, fromReach);
            progress.step(Progress.Step.CATCHING_UP);
            feed.drain(consumer, to.targets(), progress);
        }
        progress.done();
        log.info("The {} to {} is done: {}", progress.report().operation(), to, progress.report());
    }

    private synchronized Progress claim(String operation, String by) {
        Progress now = current.get();
        if (now != null && now.running()) {
            throw new Busy(now.report());
        }
        Progress progress = new Progress(operation, by);
        current.set(progress);
        return progress;
    }

    private void start(Progress progress, Runnable steps) {
        Thread thread = new Thread(() -> {
            try {
                steps.run();
            } catch (RuntimeException e) {
                String reason = e instanceof InterruptException || Thread.currentThread().isInterrupted()
                        ? "index-service stopped during the " + progress.report().operation() : e.getMessage();
                progress.failed(reason);
                log.error("The {} failed: {}", progress.report().operation(), progress.report(), e);
            }
        }, "index-" + progress.report().operation());
        worker = thread;
        thread.start();
    }

    /** A stopping service interrupts the replay; before the move that leaves the aliases as they were. */
    @Override
    public void destroy() throws InterruptedException {
        Thread thread = worker;
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
            thread.join(10_000);
        }
    }
}
