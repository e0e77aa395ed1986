package dev.contentpipeline.index.deadletters;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Which dead letters were re-driven, by whom and when: a compacted topic keyed by the dead letter's position
 * ({@code <topic>-<partition>@<offset>}), so that a re-drive is done once whatever the number of requests,
 * restarts or instances; read whole before each re-drive (it holds one small record per re-drive).
 */
class RedriveLedger {

    /** A re-drive: who asked (the API key's name), when, and the offset the record got on its original topic. */
    record Redrive(String by, Instant at, String toTopic, long toOffset) {
    }

    private final String topic;

    private final KafkaTemplate<String, byte[]> kafka;

    private final Supplier<Consumer<String, byte[]>> consumers;

    RedriveLedger(String topic, KafkaTemplate<String, byte[]> kafka, Supplier<Consumer<String, byte[]>> consumers) {
        this.topic = topic;
        this.kafka = kafka;
        this.consumers = consumers;
    }

    String topic() {
        return this.topic;
    }

    static String key(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /** Every re-drive so far, by dead letter. */
    Map<String, Redrive> all() {
        Map<String, Redrive> redrives = new HashMap<>();
        try (Consumer<String, byte[]> consumer = this.consumers.get()) {
            List<TopicPartition> partitions = consumer.partitionsFor(this.topic, Duration.ofSeconds(10)).stream()
                .map((info) -> new TopicPartition(this.topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch((p) -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + this.topic + " within 30 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        redrives.put(record.key(), JsonMapper.shared().readValue(record.value(), Redrive.class));
                    }
                }
            }
        }
        return redrives;
    }

    Optional<Redrive> find(String key) {
        return Optional.ofNullable(all().get(key));
    }

    void record(String key, Redrive redrive) throws Exception {
        byte[] value = JsonMapper.shared().writeValueAsString(redrive).getBytes(StandardCharsets.UTF_8);
        this.kafka.send(new ProducerRecord<>(this.topic, key, value)).get(10, TimeUnit.SECONDS);
    }
}
