package dev.contentpipeline.index.rebuild;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.index.IndexProperties;
import dev.contentpipeline.index.indexing.BatchWriter;
import dev.contentpipeline.index.indexing.IndexTargets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Replays both content topics into one version's indices, through the listener's own {@link BatchWriter}, with a
 * plain consumer of its own group: assigned every partition (no rebalancing, one reader), committing after each
 * batch, so the group's lag is the replay's. Countries come first in each pass, so that articles are given their
 * countries' names from the countries index built beside them; a country changed later reaches that index through
 * the topic, and the writer rewrites the articles naming it there, as the listener does in the live ones. A batch
 * Elasticsearch cannot take is tried again a bounded number of times, then the replay fails; a record that can never
 * be indexed is counted and passed over (the listener dead-lettered it when it first came).
 */
@Component
class TopicFeed {

    private static final Logger log = LoggerFactory.getLogger(TopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final ConsumerFactory<String, byte[]> consumers;
    private final BatchWriter writer;
    private final ContentNames.Topics topics;
    private final IndexProperties properties;

    TopicFeed(ConsumerFactory<String, byte[]> consumers, BatchWriter writer, ContentNames names,
              IndexProperties properties) {
        this.consumers = consumers;
        this.writer = writer;
        this.topics = names.topics();
        this.properties = properties;
    }

    /** A consumer in the group, on every partition of both topics: at their beginning, or at the group's offsets. */
    Consumer<String, byte[]> open(String group, boolean fromBeginning) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, byte[]> consumer = consumers.createConsumer(group, "rebuild", null, overrides);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.countries(), topics.articles())) {
                consumer.partitionsFor(topic, METADATA_TIMEOUT)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                // Whatever the group committed before (an index of this name deleted and made again), not here.
                consumer.seekToBeginning(partitions);
            }
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Replays in passes, each to the end offsets of its start, until a pass starts at most one batch behind: new
     * records keep arriving, so "caught up" is the group's lag reaching 0 against the end of the last, short pass.
     */
    void catchUp(Consumer<String, byte[]> consumer, IndexTargets into, Progress progress) {
        long behind;
        do {
            behind = lag(consumer, consumer.endOffsets(consumer.assignment()));
            drain(consumer, into, progress);
        } while (behind > properties.batch().maxRecords());
    }

    /** Replays up to the end offsets of this moment, countries first, committing after each batch. */
    void drain(Consumer<String, byte[]> consumer, IndexTargets into, Progress progress) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        List<TopicPartition> articles = consumer.assignment().stream()
                .filter(partition -> partition.topic().equals(topics.articles())).toList();
        consumer.pause(articles);
        while (lag(consumer, end) > 0) {
            if (!consumer.paused().isEmpty() && reached(consumer, end, topics.countries())) {
                consumer.resume(articles);
            }
            ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
            if (!polled.isEmpty()) {
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
                polled.forEach(records::add);
                BatchWriter.Outcome outcome = write(records, into);
                consumer.commitSync();
                progress.replayed(records.size(), outcome.poisonRecords());
                progress.lag(lag(consumer, consumer.endOffsets(consumer.assignment())));
                throttle(progress);
            }
        }
        consumer.resume(articles);
        progress.lag(lag(consumer, end));
    }

    /** Writes the batch, trying again with back-off while Elasticsearch cannot take it, up to the attempts allowed. */
    private BatchWriter.Outcome write(List<ConsumerRecord<String, byte[]>> records, IndexTargets into) {
        IndexProperties.Retry retry = properties.retry();
        int attempts = properties.rebuild().maxAttempts();
        for (int attempt = 1; ; attempt++) {
            BatchWriter.Outcome outcome;
            try {
                outcome = writer.write(records, into);
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    throw new RebuildFailure("Elasticsearch could not take a batch of " + records.size()
                            + " records into " + into + " in " + attempts + " attempts: " + e.getMessage(), e);
                }
                long backOff = Math.min(retry.maxInterval().toMillis(),
                        retry.initialInterval().toMillis() << Math.min(attempt - 1, 20));
                log.warn("A replayed batch into {} failed (attempt {} of {}), trying again in {} ms: {}", into, attempt,
                        attempts, backOff, e.getMessage());
                pause(TimeUnit.MILLISECONDS.toNanos(backOff));
                continue;
            }
            // A write-blocked, closed or missing index refuses every record: no replay can succeed into it.
            outcome.targetFault().ifPresent(fault -> {
                throw new RebuildFailure(fault);
            });
            return outcome;
        }
    }

    /** Keeps the replay at or under {@code index.rebuild.max-records-per-second}, if set. */
    private void throttle(Progress progress) {
        int rate = properties.rebuild().maxRecordsPerSecond();
        if (rate > 0) {
            long due = TimeUnit.SECONDS.toNanos(progress.recordsReplayed()) / rate;
            pause(due - progress.replayNanos());
        }
    }

    private static long lag(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - consumer.position(e.getKey()))).sum();
    }

    private static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end, String topic) {
        Collection<TopicPartition> ofTopic = end.keySet().stream().filter(p -> p.topic().equals(topic)).toList();
        return ofTopic.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    private static void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailure("index-service is stopping", e);
        }
    }
}
