package dev.contentpipeline.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.contentpipeline.connections.ElasticsearchClients;
import dev.contentpipeline.model.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The drift audit command ({@code drift-audit/audit}): compares every id and version of the content topics with
 * the documents behind the aliases, prints what drifted, and with {@code --repair} publishes it again.
 */
public final class DriftAudit {

    private DriftAudit() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** @return the exit status: 0 no drift or all of it re-published, 1 drift found, 2 could not audit */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        AuditOptions options;
        AuditSettings settings;
        try {
            if (List.of(args).contains("--help")) {
                out.println(AuditOptions.USAGE);
                return 0;
            }
            options = AuditOptions.parse(args);
            settings = AuditSettings.from(env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(AuditOptions.USAGE);
            return 2;
        }
        try {
            List<AuditResult> results = audit(options, settings);
            results.forEach(result -> AuditReport.print(result, out));
            boolean drifted = results.stream().anyMatch(result -> result.drift().total() > 0);
            return drifted && !options.repair() ? 1 : 0;
        } catch (RuntimeException e) {
            err.println("The audit did not finish: " + e);
            return 2;
        }
    }

    static List<AuditResult> audit(AuditOptions options, AuditSettings settings) {
        ElasticsearchClient client = ElasticsearchClients.create(settings.elasticsearch());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(settings));
                KafkaProducer<String, byte[]> producer = options.repair()
                        ? new KafkaProducer<>(producerConfig(settings)) : null) {
            List<AuditResult> results = new ArrayList<>();
            for (ContentType type : options.types()) {
                results.add(AuditRun.run(type, settings, options, client, consumer, producer));
            }
            return results;
        } finally {
            try {
                client._transport().close();
            } catch (IOException e) {
                // Closing a client that is no longer needed.
            }
        }
    }

    private static Map<String, Object> consumerConfig(AuditSettings settings) {
        // Assigned partitions, no group: the audit commits nothing and shows up in no consumer group. Fetches
        // bounded so that memory does not grow with the size of the topic's records. A misspelt topic is an
        // error, not a new empty topic.
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "drift-audit",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private static Map<String, Object> producerConfig(AuditSettings settings) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "drift-audit",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }
}
