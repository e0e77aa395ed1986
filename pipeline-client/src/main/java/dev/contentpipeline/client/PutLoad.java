package dev.contentpipeline.client;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Articles PUT through ingest by a few threads at once, remembering what each answer said: acknowledged (202, at
 * which version), refused (503: not acknowledged), or anything else (which the caller usually asserts never came).
 */
public final class PutLoad {

    private final IngestClient ingest;

    private final String prefix;

    private final int articles;

    private final IntFunction<String> json;

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    private final Map<String, String> otherAnswers = new ConcurrentHashMap<>();

    private final AtomicInteger answered = new AtomicInteger();

    /**
     * @param prefix the articles' ids are {@code <prefix>-<n>}
     * @param json the body of article n
     */
    public PutLoad(IngestClient ingest, String prefix, int articles, IntFunction<String> json) {
        this.ingest = ingest;
        this.prefix = prefix;
        this.articles = articles;
        this.json = json;
    }

    /** An article with a title, a body, a tag and a date: enough to be valid and findable. */
    public static String article(String title, String tag) {
        ObjectNode article = JsonMapper.shared().createObjectNode()
            .put("title", title)
            .put("body", "Written by a load test.")
            .put("publishedAt", "2026-01-01T00:00:00Z");
        article.putArray("tags").add(tag);
        return JsonMapper.shared().writeValueAsString(article);
    }

    /** Sends every article with {@code threads} threads and returns once each has its answer. */
    public PutLoad run(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int n = 0; n < this.articles; n++) {
            int i = n;
            pool.execute(() -> send(i));
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The load did not finish within 30 minutes");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        return this;
    }

    private void send(int n) {
        String id = this.prefix + "-" + n;
        Answer answer = this.ingest.put(IngestClient.Kind.ARTICLES, id, this.json.apply(n));
        if (answer.is(202)) {
            this.acknowledged.put(id, answer.version());
        }
        else if (answer.is(503)) {
            this.refused.add(id);
        }
        else {
            this.otherAnswers.put(id, answer.toString());
        }
        this.answered.incrementAndGet();
    }

    /** How many answers came so far. */
    public int answered() {
        return this.answered.get();
    }

    public Map<String, Long> acknowledged() {
        return Map.copyOf(this.acknowledged);
    }

    public Set<String> refused() {
        return Set.copyOf(this.refused);
    }

    /** Answers other than 202 and 503, by id. */
    public Map<String, String> otherAnswers() {
        return Map.copyOf(this.otherAnswers);
    }

    @Override
    public String toString() {
        return this.articles + " sent, " + this.acknowledged.size() + " acknowledged, " + this.refused.size()
                + " refused (503), " + this.otherAnswers.size() + " other answers";
    }
}
