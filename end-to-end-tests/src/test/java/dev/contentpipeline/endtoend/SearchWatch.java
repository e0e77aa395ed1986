package dev.contentpipeline.endtoend;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.SearchClient;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readers searching search-service for one term, each one search after another on a thread of its own, two at once so
 * that the searches overlap, until closed: how many searches, how many failed (any answer but 200), and the fewest hits
 * any of them counted.
 */
final class SearchWatch implements AutoCloseable {

    private final SearchClient search;
    private final String term;
    private final long expectedAtLeast;
    private final AtomicLong searches = new AtomicLong();
    private final AtomicLong fewest = new AtomicLong(Long.MAX_VALUE);
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> shortfalls = new CopyOnWriteArrayList<>();
    private final List<Thread> threads;
    private volatile boolean stopped;

    /** @param expectedAtLeast a search counting fewer hits is noted, with its time */
    SearchWatch(String searchUrl, String term, long expectedAtLeast) {
        this.search = new SearchClient(searchUrl);
        this.term = term;
        this.expectedAtLeast = expectedAtLeast;
        this.threads = List.of(new Thread(this::run, "search-watch-1"), new Thread(this::run, "search-watch-2"));
        this.threads.forEach(Thread::start);
    }

    private void run() {
        while (!stopped) {
            Answer answer = search.search(term, "&type=article&size=1");
            searches.incrementAndGet();
            if (!answer.is(200)) {
                failures.add(Instant.now() + " " + answer);
                continue;
            }
            long total = answer.json().path("total").asLong(-1);
            fewest.accumulateAndGet(total, Math::min);
            if (total < expectedAtLeast && shortfalls.size() < 20) {
                shortfalls.add(Instant.now() + " " + total + " hits");
            }
        }
    }

    long searches() {
        return searches.get();
    }

    long fewestHits() {
        return fewest.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The first searches that counted fewer hits than expected, with their times. */
    List<String> shortfalls() {
        return List.copyOf(shortfalls);
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
