package dev.contentpipeline.benchmarks;

import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.ContentJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A backlog: the topic filled first with Kafka's own producer (the JSON ingest publishes, keyed by id, with the
 * version header), then an indexer started on it. The drain is timed from the moment its consumers were assigned
 * partitions (read from its log) to the moment a count saw every article, so JVM start-up is left out; the time
 * with start-up is reported too.
 */
final class BacklogDrain {

    static final String TOPIC = "bench.backlog.articles";
    static final String ALIAS = "backlog-articles";

    /** The alias of the indexer started only to time its first write without the profiler. */
    static final String PROBE_ALIAS = "first-write-articles";
    static final String ASSIGNED = "partitions assigned";

    /** A fill sends what was not acknowledged again, with a new producer, at most this many times in all. */
    static final int FILL_ATTEMPTS = 3;

    /** Fills the topic; returns how fast Kafka alone took the records (acks=all, idempotent, as ingest sends). */
    static Throughput fill(String bootstrapServers, byte[][] corpus, int partitions, Log log) {
        return fill(bootstrapServers, TOPIC, corpus.length, i -> corpus[i], partitions, log);
    }

    /**
     * Fills a topic of its own with {@code docs} articles, each made as it is sent (a large corpus need not fit).
     * Records not acknowledged within the delivery timeout are sent again by a new producer: once, one partition's
     * first batch waited ten minutes while the rest of the topic was long acknowledged. Each article has its own id,
     * so a record that was written after all and is sent again only makes the indexer skip a version it has.
     */
    static Throughput fill(String bootstrapServers, String topic, int docs, IntFunction<byte[]> corpus,
                           int partitions, Log log) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not create " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long started = System.nanoTime();
        int[] pending = IntStream.range(0, docs).toArray();
        for (int attempt = 1; ; attempt++) {
            Unacknowledged missed = send(bootstrapServers, topic, pending, corpus);
            if (missed.indices().length == 0) {
                break;
            }
            if (attempt == FILL_ATTEMPTS) {
                throw new IllegalStateException("Filling " + topic + " failed: " + missed.indices().length
                        + " records not acknowledged after " + attempt + " attempts: " + missed.first().getMessage(),
                        missed.first());
            }
            log.line("filling %s: %,d of %,d records not acknowledged (%s); sending them again", topic,
                    missed.indices().length, pending.length, missed.first().getMessage());
            pending = missed.indices();
        }
        long acknowledged = System.nanoTime();
        return new Throughput(docs, started, acknowledged, acknowledged, 0, 0);
    }

    /** The records a producer could not deliver: their positions in the corpus, and the first failure. */
    private record Unacknowledged(int[] indices, Exception first) {
    }

    private static Unacknowledged send(String bootstrapServers, String topic, int[] indices,
                                       IntFunction<byte[]> corpus) {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20,
                // A fill has no latency to keep, but a batch that waits longer than this is sent again (see fill).
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(2).toMillis());
        byte[] version = Long.toString(RawBulkLoad.VERSION).getBytes(StandardCharsets.UTF_8);
        AtomicReference<Exception> first = new AtomicReference<>();
        Queue<Integer> missed = new ConcurrentLinkedQueue<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i : indices) {
                byte[] json = corpus.apply(i);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic,
                        new String(RawBulkLoad.idOf(json), StandardCharsets.US_ASCII), withVersion(json));
                record.headers().add(ContentHeaders.VERSION, version);
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        first.compareAndSet(null, e);
                        missed.add(i);
                    }
                });
            }
            producer.flush();
        }
        return new Unacknowledged(missed.stream().mapToInt(Integer::intValue).sorted().toArray(), first.get());
    }

    /** Waits until an indexer just started on the filled topic has its partitions: the drain begins. */
    static long awaitAssigned(PipelineServices.Running indexer) {
        return awaitLogLine(indexer.process().logFile(), ASSIGNED, Duration.ofSeconds(300));
    }

    static Throughput drain(long assigned, Elasticsearch elasticsearch, String alias, int docs) {
        long searchable = elasticsearch.awaitCount(alias, docs, Elasticsearch.LOAD_TIMEOUT);
        return new Throughput(docs, assigned, searchable, searchable, 0, 0);
    }

    /**
     * Watches, from an indexer's start, for the first document it writes: polls the indexing count of the index
     * behind the alias (an operation count, so no refresh is waited for) every 20 ms, on a thread of its own.
     * @return when it was first above zero, by {@link System#nanoTime()}; -1 if not within the timeout
     */
    static CompletableFuture<Long> firstWrite(Elasticsearch elasticsearch, String alias, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    Http.Answer answer = Http.get(elasticsearch.url() + "/" + alias
                            + "/_stats/indexing?filter_path=_all.primaries.indexing.index_total");
                    if (answer.ok() && answer.json().path("_all").path("primaries").path("indexing")
                            .path("index_total").asLong() > 0) {
                        return System.nanoTime();
                    }
                } catch (RuntimeException e) {
                    // Elasticsearch busy or the index not there yet: ask again
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            return -1L;
        }, runnable -> {
            Thread thread = new Thread(runnable, "first-write");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The record as ingest publishes it: the article's JSON with its version, the record's last field. */
    static byte[] withVersion(byte[] json) {
        return ContentJson.atVersion(json, RawBulkLoad.VERSION);
    }

    private static long awaitLogLine(Path log, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                // being written: read again
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new IllegalStateException("The indexer's log (" + log + ") did not say '" + text + "' within "
                + timeout.toSeconds() + " s");
    }
}
