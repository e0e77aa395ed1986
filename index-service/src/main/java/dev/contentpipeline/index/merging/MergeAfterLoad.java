package dev.contentpipeline.index.merging;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import co.elastic.clients.elasticsearch.indices.stats.IndexStats;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.connections.ElasticsearchClients;
import dev.contentpipeline.connections.ElasticsearchSettings;
import dev.contentpipeline.index.IndexProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Merges the live indices down to a few segments once a load is over: after the listener wrote at least {@code
 * index.merge-after-load.min-documents} documents and then nothing for {@code quiet}. A load of thousands of bulk
 * requests leaves the articles index at 22 to 68 segments, which every search visits (its typo automata walk each
 * segment's term dictionary); over one segment the benchmark's searches cost Elasticsearch 12 % less CPU and
 * suggestions' took fell from 3 to 2 ms (README, Benchmarks, round 28; a quarter less CPU in the replays of "Search,
 * round 10"). A steady trickle of writes is never quiet for long, and leaves the index to Elasticsearch's own merges.
 * Each merge aims at one segment per {@code segment-size} of the articles' primary data, so that no merged segment
 * comes near the 5 GB beyond which Elasticsearch leaves a segment out of its later merges; writes that come after
 * go into new small segments, merged as usual. A merge that fails or outlasts {@code timeout} is logged and tried
 * again a minute later, once the topics are quiet: the indices hold everything either way, they are only slower to search.
 */
@Component
public class MergeAfterLoad {

    private static final Logger log = LoggerFactory.getLogger(MergeAfterLoad.class);

    private final IndexProperties.MergeAfterLoad settings;
    private final ContentNames.Aliases aliases;
    /** The client for the merge, whose answer comes when the merge is done: it may wait up to the timeout. */
    private final ElasticsearchClient merging;
    private final ScheduledExecutorService checks;
    private final Timer merges;
    /** Documents written since the last merge that succeeded. */
    private final AtomicLong sinceMerge = new AtomicLong();
    private volatile long lastWriteNanos = System.nanoTime();
    /** After a failure, the next merge waits at least this long (and for the next quiet spell). */
    private static final Duration AFTER_A_FAILURE = Duration.ofMinutes(1);

    /** No merge is tried before this, after one failed. */
    private volatile long notBeforeNanos = System.nanoTime();

    MergeAfterLoad(ElasticsearchClient client, ContentNames names, IndexProperties properties,
                   ElasticsearchSettings elasticsearch, MeterRegistry meters) {
        this.settings = properties.mergeAfterLoad();
        this.aliases = names.aliases();
        this.merging = ElasticsearchClients.waitingUpTo(client, elasticsearch, settings.timeout());
        this.merges = Timer.builder("pipeline.index.merge-after-load")
                .description("Merges of the live indices after a load, and how long each took").register(meters);
        Gauge.builder("pipeline.index.merge-after-load.due", this, merge -> merge.due() ? 1 : 0)
                .description("1 while a merge waits for the topics to be quiet, or runs; 0 otherwise")
                .register(meters);
        this.checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "index-merge-after-load");
            thread.setDaemon(true);
            return thread;
        });
        if (settings.minDocuments() > 0) {
            long every = Math.max(100, Math.min(1000, settings.quiet().toMillis() / 4));
            checks.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }

    /** The listener wrote these documents into the live aliases. */
    public void written(int documents) {
        if (documents > 0) {
            sinceMerge.addAndGet(documents);
            lastWriteNanos = System.nanoTime();
        }
    }

    /** Whether enough was written since the last merge for the next quiet spell to start one. */
    boolean due() {
        return settings.minDocuments() > 0 && sinceMerge.get() >= settings.minDocuments();
    }

    private void check() {
        long now = System.nanoTime();
        if (due() && now - lastWriteNanos >= settings.quiet().toNanos() && now - notBeforeNanos >= 0) {
            merge();
        }
    }

    private void merge() {
        long counted = sinceMerge.get();
        long started = System.nanoTime();
        try {
            IndexStats articles = stats();
            long segments = target(articles.store().sizeInBytes(), settings.segmentSize().toBytes());
            long before = articles.segments().count();
            if (before > segments) {
                merging.indices().forcemerge(f -> f.index(List.of(aliases.articles(), aliases.countries()))
                        .maxNumSegments(segments).waitForCompletion(true));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                merges.record(took);
                log.info("{} documents written since the last merge, then {} s quiet: {} merged from {} to {} "
                                + "segment(s) in {} ms", counted, settings.quiet().toSeconds(), aliases.articles(),
                        before, segments, took.toMillis());
            }
            sinceMerge.addAndGet(-counted);
        } catch (IOException | ElasticsearchException e) {
            notBeforeNanos = System.nanoTime() + AFTER_A_FAILURE.toNanos();
            log.warn("Could not merge {} and {} after {} documents were written, to be tried again in a minute, "
                    + "after a quiet spell: {}", aliases.articles(), aliases.countries(), counted, e.getMessage());
        } catch (RuntimeException e) {
            notBeforeNanos = System.nanoTime() + AFTER_A_FAILURE.toNanos();
            log.warn("Could not merge {} and {} after {} documents were written, to be tried again in a minute, "
                    + "after a quiet spell", aliases.articles(), aliases.countries(), counted, e);
        }
    }

    /** The articles' primary shards: their size on disk and how many segments they hold. */
    private IndexStats stats() throws IOException {
        IndicesStatsResponse response = merging.indices().stats(s -> s.index(aliases.articles())
                .metric("store", "segments"));
        return response.all().primaries();
    }

    /** One segment per {@code segmentSize} of primary data, rounded up, and at least one. */
    static long target(long primaryBytes, long segmentSize) {
        return Math.max(1, (primaryBytes + segmentSize - 1) / segmentSize);
    }
}
