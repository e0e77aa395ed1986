package dev.contentpipeline.audit;

import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.model.ContentHeaders;
import dev.contentpipeline.model.IndexDefinition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * A scenario's own topics and indices on the shared broker and Elasticsearch, written straight (not through the
 * services) so that the two sides can be made to disagree: records produced to the topics, documents bulk-indexed
 * at external versions as the operator, the indexer's consumer group placed at the topics' ends.
 */
final class DriftFixture implements AutoCloseable {

    private static final int BULK_LINES = 10_000;

    final String articlesTopic;
    final String countriesTopic;
    final String articlesAlias;
    final String countriesAlias;
    private final Infrastructure infrastructure = Infrastructure.shared();
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private final StringBuilder bulk = new StringBuilder();
    private int bulkLines;

    DriftFixture(String scenario) {
        this.articlesTopic = scenario + ".articles";
        this.countriesTopic = scenario + ".countries";
        this.articlesAlias = scenario + "-articles";
        this.countriesAlias = scenario + "-countries";
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                this.infrastructure.kafkaBootstrapServers()));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024), new StringSerializer(), new ByteArraySerializer());
        List<NewTopic> topics = List.of(this.articlesTopic, this.countriesTopic).stream()
                .map(name -> new NewTopic(name, 3, (short) 1).configs(Map.of("cleanup.policy", "compact")))
                .toList();
        get(this.admin.createTopics(topics).all());
        createIndex(IndexDefinition.ARTICLES, this.articlesAlias);
        createIndex(IndexDefinition.COUNTRIES, this.countriesAlias);
    }

    /** Sends a record (value null: a tombstone); timestamp null lets the producer stamp it. */
    void publish(String topic, String key, String value, Long timestamp, Long headerVersion) {
        RecordHeaders headers = new RecordHeaders();
        if (headerVersion != null) {
            headers.add(ContentHeaders.VERSION, headerVersion.toString().getBytes(StandardCharsets.UTF_8));
        }
        this.producer.send(new ProducerRecord<>(topic, null, timestamp, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers));
    }

    /** Adds a document at an external version to the next bulk request. */
    void index(String alias, String id, long version, Map<String, Object> document) {
        this.bulk.append("{\"index\":{\"_index\":\"").append(alias).append("\",\"_id\":")
                .append(JsonMapper.shared().writeValueAsString(id)).append(",\"version\":").append(version)
                .append(",\"version_type\":\"external\"}}\n")
                .append(JsonMapper.shared().writeValueAsString(document)).append('\n');
        if (++this.bulkLines >= BULK_LINES) {
            flushBulk();
        }
    }

    /** Sends what is pending to both sides and makes the documents searchable. */
    void flush() {
        this.producer.flush();
        flushBulk();
        operator("POST", "/" + this.articlesAlias + "," + this.countriesAlias + "/_refresh", null);
    }

    /** Commits the group's offsets at the topics' ends, so an indexer of that group starts after what is there. */
    void placeGroupAtEnds(String group) {
        this.producer.flush();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : List.of(this.articlesTopic, this.countriesTopic)) {
            for (int partition = 0; partition < 3; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, OffsetAndMetadata> ends = get(this.admin.listOffsets(latest).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())));
        get(this.admin.alterConsumerGroupOffsets(group, ends).all());
    }

    /** The environment the services read, for the scenario's topics and aliases, as the given service's user. */
    Map<String, String> environment(PipelineService user) {
        ElasticsearchAccess elasticsearch = this.infrastructure.elasticsearch();
        Map<String, String> env = new HashMap<>(elasticsearch.environment(
                elasticsearch.user(user, this.articlesAlias, this.countriesAlias)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", this.infrastructure.kafkaBootstrapServers());
        env.put("CONTENT_TOPICS_ARTICLES", this.articlesTopic);
        env.put("CONTENT_TOPICS_COUNTRIES", this.countriesTopic);
        env.put("CONTENT_ALIASES_ARTICLES", this.articlesAlias);
        env.put("CONTENT_ALIASES_COUNTRIES", this.countriesAlias);
        return env;
    }

    @Override
    public void close() {
        this.producer.close();
        this.admin.close();
    }

    /** As index-service's IndexBootstrap makes it: {@code <alias>-v<n>} from the definition, the alias in front. */
    private void createIndex(IndexDefinition definition, String alias) {
        operator("PUT", "/" + definition.physicalName(alias), definition.json());
        operator("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + definition.physicalName(alias)
                + "\",\"alias\":\"" + alias + "\",\"is_write_index\":true}}]}");
    }

    private void flushBulk() {
        if (this.bulkLines == 0) {
            return;
        }
        String answer = operator("POST", "/_bulk", this.bulk.toString());
        if (answer.contains("\"errors\":true")) {
            throw new IllegalStateException("The bulk request failed: " + answer.substring(0, Math.min(2_000,
                    answer.length())));
        }
        this.bulk.setLength(0);
        this.bulkLines = 0;
    }

    private String operator(String method, String path, String body) {
        ElasticsearchAccess elasticsearch = this.infrastructure.elasticsearch();
        HttpRequest request = elasticsearch.request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = elasticsearch.send(request);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
