package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.ContentType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes records keyed by id, one topic per content type, and answers only once the broker acknowledged
 * each write (acks=all, idempotent producer), or the publish timeout ran out. A batch is sent whole first and
 * its acknowledgements awaited after, so it travels in the producer's batches rather than one record a round
 * trip. A delete is a tombstone carrying its version in a header.
 */
@Component
public class ContentPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestProperties properties;
    private final ContentNames.Topics topics;
    private final AcceptedVersions accepted;
    private final VersionClock clock = new VersionClock(Clock.systemUTC());

    ContentPublisher(KafkaTemplate<String, byte[]> kafka, IngestProperties properties, ContentNames names,
            AcceptedVersions accepted) {
        this.kafka = kafka;
        this.properties = properties;
        this.topics = names.topics();
        this.accepted = accepted;
    }

    /**
     * @throws StaleVersionException if the write carries a version older than one this instance already accepted
     *         for the id
     * @throws PublishFailedException if the broker did not acknowledge within the publish timeout
     */
    public Receipt publish(ContentWrite write) {
        PublishOutcome outcome = publishAll(List.of(write), properties.publishTimeout()).get(0);
        if (outcome.stale()) {
            throw new StaleVersionException(write.version(), outcome.newerVersion());
        }
        if (!outcome.acknowledged()) {
            throw new PublishFailedException(outcome.failure());
        }
        return outcome.receipt();
    }

    /** One outcome per write, in order, all within the bulk publish timeout. */
    public List<PublishOutcome> publishAll(List<ContentWrite> writes) {
        return publishAll(writes, properties.bulkPublishTimeout());
    }

    private List<PublishOutcome> publishAll(List<ContentWrite> writes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Sent> sent = new ArrayList<>(writes.size());
        for (ContentWrite write : writes) {
            sent.add(send(write, deadline));
        }
        List<PublishOutcome> outcomes = new ArrayList<>(sent.size());
        for (Sent one : sent) {
            outcomes.add(await(one, deadline, timeout));
        }
        return outcomes;
    }

    private Sent send(ContentWrite write, long deadline) {
        if (write.version() != null) {
            OptionalLong newer = accepted.highest(write.type(), write.id());
            if (newer.isPresent() && newer.getAsLong() > write.version()) {
                return new Sent(write, write.version(), null, newer.getAsLong());
            }
        }
        long version = write.version() != null ? write.version() : accepted.next(write.type(), write.id(), clock);
        if (System.nanoTime() >= deadline) {
            // The producer already blocked for the whole timeout on an earlier record: don't block again.
            return new Sent(write, version, CompletableFuture.failedFuture(new TimeoutException()), null);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic(write.type()), write.id(),
                write.valueAt() == null ? null : write.valueAt().apply(version));
        record.headers().add(ContentHeaders.VERSION, Long.toString(version).getBytes(StandardCharsets.UTF_8));
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            record.headers().add(ContentHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new Sent(write, version, kafka.send(record), null);
        } catch (RuntimeException e) {
            return new Sent(write, version, CompletableFuture.failedFuture(e), null);
        }
    }

    private PublishOutcome await(Sent sent, long deadline, Duration timeout) {
        if (sent.newerVersion() != null) {
            return new PublishOutcome(null, "version " + sent.version() + " is older than version "
                    + sent.newerVersion() + ", already accepted", sent.newerVersion());
        }
        try {
            long remaining = Math.max(0, deadline - System.nanoTime());
            RecordMetadata metadata = sent.result().get(remaining, TimeUnit.NANOSECONDS).getRecordMetadata();
            accepted.acknowledged(sent.write().type(), sent.write().id(), sent.version());
            return new PublishOutcome(new Receipt(sent.write().type().wireName(), sent.write().id(), sent.version(),
                    metadata.topic(), metadata.partition(), metadata.offset(), null), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PublishOutcome(null, "interrupted while waiting for the broker", null);
        } catch (ExecutionException | TimeoutException e) {
            return new PublishOutcome(null, "the broker did not acknowledge the write within "
                    + timeout.toMillis() + " ms", null);
        }
    }

    private String topic(ContentType type) {
        return topics.of(type);
    }

    /** @param newerVersion set (and result null) when the write was not sent for carrying a stale version */
    private record Sent(ContentWrite write, long version, CompletableFuture<SendResult<String, byte[]>> result,
                        Long newerVersion) {
    }
}
