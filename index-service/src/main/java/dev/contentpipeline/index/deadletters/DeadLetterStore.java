package dev.contentpipeline.index.deadletters;

import dev.contentpipeline.index.IndexProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Reads the dead-letter topics (without joining any group) and re-drives chosen records: their original bytes and
 * headers, less the dead-letter headers, back onto the topic they came from, where the indexer takes them again.
 */
@Component
class DeadLetterStore {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> deadLetterTopics;

    DeadLetterStore(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka,
                    IndexProperties properties) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.deadLetterTopics = List.of(properties.topics().articles() + properties.deadLetterSuffix(),
                properties.topics().countries() + properties.deadLetterSuffix());
    }

    List<String> topics() {
        return deadLetterTopics;
    }

    /** Up to {@code limit} dead letters of each topic, oldest first. */
    List<DeadLetter> list(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumer()) {
            for (String topic : deadLetterTopics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                List<DeadLetter> ofTopic = new ArrayList<>();
                while (ofTopic.size() < limit && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        if (ofTopic.size() < limit) {
                            ofTopic.add(describe(record));
                        }
                    }
                }
                letters.addAll(ofTopic);
            }
        }
        return letters;
    }

    /** Publishes the dead letter at topic/partition/offset back to its original topic; returns the new offset. */
    long redrive(String topic, int partition, long offset) throws Exception {
        if (!deadLetterTopics.contains(topic)) {
            throw new IllegalArgumentException("'" + topic + "' is not a dead-letter topic; they are " + deadLetterTopics);
        }
        ConsumerRecord<String, byte[]> record = read(new TopicPartition(topic, partition), offset);
        String originalTopic = text(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC));
        if (originalTopic == null) {
            throw new IllegalArgumentException("record " + topic + "-" + partition + "@" + offset
                    + " has no original topic header");
        }
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(originalTopic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                again.headers().add(header);
            }
        }
        return kafka.send(again).get(10, TimeUnit.SECONDS).getRecordMetadata().offset();
    }

    private ConsumerRecord<String, byte[]> read(TopicPartition partition, long offset) {
        try (Consumer<String, byte[]> consumer = consumer()) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (offset < 0 || offset >= end) {
                throw new IllegalArgumentException("no record at " + partition + "@" + offset);
            }
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
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

    private Consumer<String, byte[]> consumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return consumers.createConsumer(null, "dead-letters", null, overrides);
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                text(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)),
                number(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)) == null ? null
                        : number(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)).intValue(),
                number(record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)),
                text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                text(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)),
                record.timestamp(), value.length, utf8(value), Base64.getEncoder().encodeToString(value));
    }

    private static String text(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(Header header) {
        if (header == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(header.value());
        return header.value().length == Integer.BYTES ? buffer.getInt() : buffer.getLong();
    }

    private static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
