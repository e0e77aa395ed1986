package dev.contentpipeline.endtoend;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A publisher writing through ingest-service on a thread of its own until closed, a round every 20 ms (some 75 writes
 * a second, a steady load rather than all the machine can take): a new article each round ({@code churn-<n>}), an
 * update of one of the steady articles every third, a delete of an earlier churn article every fourth. Every answer
 * but 202 is kept.
 */
final class ChurnWriter implements AutoCloseable {

    private final IngestClient ingest;
    private final int steady;
    private final IntFunction<String> churnArticle;
    private final IntFunction<String> steadyUpdate;
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger rounds = new AtomicInteger();
    private final List<String> otherAnswers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    /**
     * @param steady how many steady articles there are ({@code steady-<n>}), which this updates and never deletes
     * @param churnArticle the body of churn article n
     * @param steadyUpdate the body of an update of steady article n
     */
    ChurnWriter(IngestClient ingest, int steady, IntFunction<String> churnArticle, IntFunction<String> steadyUpdate) {
        this.ingest = ingest;
        this.steady = steady;
        this.churnArticle = churnArticle;
        this.steadyUpdate = steadyUpdate;
        this.thread.scheduleAtFixedRate(this::round, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void round() {
        int round = rounds.getAndIncrement();
        check(ingest.put(IngestClient.Kind.ARTICLES, "churn-" + round, churnArticle.apply(round)));
        if (round % 3 == 0) {
            int n = (round * 7) % steady;
            check(ingest.put(IngestClient.Kind.ARTICLES, "steady-" + n, steadyUpdate.apply(n)));
        }
        if (round >= 4 && round % 4 == 0) {
            check(ingest.delete(IngestClient.Kind.ARTICLES, "churn-" + (round - 4)));
        }
    }

    private void check(Answer answer) {
        writes.incrementAndGet();
        if (!answer.is(202)) {
            otherAnswers.add(answer.toString());
        }
    }

    int writes() {
        return writes.get();
    }

    List<String> otherAnswers() {
        return List.copyOf(otherAnswers);
    }

    /** Stops after the round under way. */
    @Override
    public void close() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the writer's last round did not end within a minute");
        }
    }
}
