package dev.contentpipeline.index.deadletters;

import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.index.IndexProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Reads the dead-letter topics (without joining any group), a bounded page at a time, and re-drives chosen
 * records - their original bytes and headers, less the dead-letter headers - back onto the topic they came from,
 * once each: the {@link RedriveLedger} remembers what was re-driven. Memory per request is bounded by the page size
 * and the fetch sizes, whatever the topics hold.
 */
@Component
class DeadLetterStore {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterStore.class);

    private static final Duration POLL = Duration.ofMillis(200);

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** One partition of a dead-letter topic: the offsets it holds, {@code [first, end)}. */
    record Partition(String topic, int partition, long first, long end) {
    }

    /** A page of one partition, and where the next one starts (null at the end). */
    record Page(String topic, int partition, List<DeadLetter> items, Long next) {
    }

    /** What a re-drive request did for one dead letter. */
    record RedriveOutcome(String topic, int partition, long offset, String outcome, RedriveLedger.Redrive redrive,
            String error) {
    }

    private final ConsumerFactory<String, byte[]> consumers;

    private final KafkaTemplate<String, byte[]> kafka;

    private final List<String> deadLetterTopics;

    private final IndexProperties.DeadLetters limits;

    private final RedriveLedger ledger;

    DeadLetterStore(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka,
                    ContentNames names, IndexProperties properties) {
        this.consumers = consumers;
        this.kafka = kafka;
        ContentNames.Topics topics = names.topics();
        this.deadLetterTopics = List.of(topics.deadLetters(topics.articles()), topics.deadLetters(topics.countries()));
        this.limits = properties.deadLetters();
        this.ledger = new RedriveLedger(this.limits.ledgerTopic(), kafka, () -> consumer(1));
    }

    List<String> topics() {
        return this.deadLetterTopics;
    }

    /** Every partition of the dead-letter topics with the offsets it holds. */
    List<Partition> overview() {
        List<Partition> partitions = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer(1)) {
            for (String topic : this.deadLetterTopics) {
                List<TopicPartition> ofTopic = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map((info) -> new TopicPartition(topic, info.partition())).toList();
                Map<TopicPartition, Long> first = consumer.beginningOffsets(ofTopic);
                Map<TopicPartition, Long> end = consumer.endOffsets(ofTopic);
                ofTopic.forEach((p) -> partitions.add(new Partition(topic, p.partition(), first.get(p), end.get(p))));
            }
        }
        return partitions;
    }

    /** Up to {@code size} dead letters of one partition from offset {@code from} on, each value cut to an excerpt. */
    Page page(String topic, int partition, long from, int size) {
        TopicPartition tp = checked(topic, partition);
        List<DeadLetter> items = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer(size)) {
            consumer.assign(List.of(tp));
            long first = consumer.beginningOffsets(List.of(tp)).get(tp);
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long position = Math.max(from, first);
            if (position < end) {
                consumer.seek(tp, position);
            }
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (items.size() < size && position < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (items.size() < size) {
                        items.add(describe(record, this.limits.excerptBytes(), null));
                        position = record.offset() + 1;
                    }
                }
            }
            return new Page(topic, partition, items, position < end ? position : null);
        }
    }

    /** The dead letter at a position, with its whole value and its re-drive, if any. */
    DeadLetter one(String topic, int partition, long offset) {
        ConsumerRecord<String, byte[]> record = read(checked(topic, partition), offset);
        return describe(record, Integer.MAX_VALUE, this.ledger.find(RedriveLedger.key(topic, partition, offset))
            .orElse(null));
    }

    /**
     * Publishes the dead letter back to its original topic unless it was re-driven before; logs who asked.
     * Synchronized: two requests for the same dead letter at once publish it once.
     */
    synchronized RedriveOutcome redrive(String topic, int partition, long offset, String by) {
        String key = RedriveLedger.key(topic, partition, offset);
        try {
            Optional<RedriveLedger.Redrive> earlier = this.ledger.find(key);
            if (earlier.isPresent()) {
                log.info("Re-drive of {} asked by {}: already re-driven by {} at {}", key, by, earlier.get().by(),
                        earlier.get().at());
                return new RedriveOutcome(topic, partition, offset, "already-redriven", earlier.get(), null);
            }
            ConsumerRecord<String, byte[]> record = read(checked(topic, partition), offset);
            String originalTopic = text(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC));
            if (originalTopic == null) {
                throw new IllegalArgumentException("record " + key + " has no original topic header");
            }
            ProducerRecord<String, byte[]> again = new ProducerRecord<>(originalTopic, record.key(), record.value());
            for (Header header : record.headers()) {
                if (!header.key().startsWith("kafka_dlt-")) {
                    again.headers().add(header);
                }
            }
            long newOffset = this.kafka.send(again).get(10, TimeUnit.SECONDS).getRecordMetadata().offset();
            RedriveLedger.Redrive redrive = new RedriveLedger.Redrive(by, Instant.now(), originalTopic, newOffset);
            this.ledger.record(key, redrive);
            log.info("Re-drove {} (key {}) to {} at offset {}, asked by {}", key, record.key(), originalTopic,
                    newOffset, by);
            return new RedriveOutcome(topic, partition, offset, "redriven", redrive, null);
        }
        catch (IllegalArgumentException ex) {
            return new RedriveOutcome(topic, partition, offset, "refused", null, ex.getMessage());
        }
        catch (Exception ex) {
            log.warn("Re-drive of {} asked by {} failed: {}", key, by, ex.toString());
            return new RedriveOutcome(topic, partition, offset, "failed", null, ex.getMessage());
        }
    }

    private TopicPartition checked(String topic, int partition) {
        if (!this.deadLetterTopics.contains(topic)) {
            throw new IllegalArgumentException("'" + topic + "' is not a dead-letter topic; they are "
                    + this.deadLetterTopics);
        }
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be 0 or more, was " + partition);
        }
        return new TopicPartition(topic, partition);
    }

    private ConsumerRecord<String, byte[]> read(TopicPartition partition, long offset) {
        try (Consumer<String, byte[]> consumer = consumer(1)) {
            consumer.assign(List.of(partition));
            long first = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (offset < first || offset >= end) {
                throw new IllegalArgumentException("no record at " + partition + "@" + offset + " (it holds "
                        + first + " to " + (end - 1) + ")");
            }
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw new IllegalStateException("could not read " + partition + "@" + offset + " within 10 s");
        }
    }

    /** A consumer fetching at most {@code records} records and a little over one record's bytes per poll. */
    private Consumer<String, byte[]> consumer(int records) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, records);
        overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1_048_576);
        overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 2_097_152);
        return this.consumers.createConsumer(null, "dead-letters", null, overrides);
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> record, int maxBytes,
            RedriveLedger.Redrive redrive) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        boolean truncated = value.length > maxBytes;
        byte[] shown = truncated ? Arrays.copyOf(value, maxBytes) : value;
        Long originalPartition = number(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION));
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                text(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)),
                originalPartition == null ? null : originalPartition.intValue(),
                number(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)),
                text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)),
                record.timestamp(), value.length, utf8(shown, truncated), Base64.getEncoder().encodeToString(shown),
                truncated, redrive);
    }

    private static String text(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(Header header) {
        if (header == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(header.value());
        return header.value().length == Integer.BYTES ? (long) buffer.getInt() : buffer.getLong();
    }

    /** The bytes as text when they are UTF-8 (an excerpt may end inside a character: that end is dropped). */
    private static String utf8(byte[] value, boolean excerpt) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(excerpt ? CodingErrorAction.IGNORE : CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        }
        catch (CharacterCodingException ex) {
            return null;
        }
    }
}
