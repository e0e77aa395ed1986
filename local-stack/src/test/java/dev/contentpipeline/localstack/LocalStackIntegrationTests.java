package dev.contentpipeline.localstack;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One real broker and one real Elasticsearch, started once; the last test closes them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIntegrationTests {

    private LocalStack stack;

    @BeforeAll
    void startStack() {
        this.stack = LocalStack.start(LocalStackOptions.forTests());
    }

    @AfterAll
    void closeStack() {
        this.stack.close();
    }

    @Test
    @Order(1)
    void kafkaClientsProduceAndConsumeARecord() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", this.stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("articles", 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(new ProducerRecord<>("articles", "article-1", "{\"id\":\"article-1\"}")).get();
        }

        assertThat(consume("articles", 1)).singleElement()
            .satisfies((record) -> assertThat(record.key()).isEqualTo("article-1"))
            .satisfies((record) -> assertThat(record.value()).isEqualTo("{\"id\":\"article-1\"}"));
    }

    @Test
    @Order(2)
    void consoleProducerPublishesAKeyedRecord() {
        KafkaTools.Result result = KafkaTools.run("org.apache.kafka.tools.ConsoleProducer",
                List.of("--bootstrap-server", this.stack.kafkaBootstrapServers(), "--topic", "countries",
                        "--property", "parse.key=true", "--property", "key.separator=\t"),
                "FR\t{\"code\":\"FR\",\"name\":\"France\"}\n");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(consume("countries", 1)).singleElement()
            .satisfies((record) -> assertThat(record.key()).isEqualTo("FR"))
            .satisfies((record) -> assertThat(record.value()).isEqualTo("{\"code\":\"FR\",\"name\":\"France\"}"));
    }

    @Test
    @Order(3)
    void elasticsearchIndexesADocumentAndFindsIt() throws Exception {
        HttpResponse<String> indexed = send("PUT", "/articles/_doc/article-1?refresh=true",
                "{\"title\":\"Real servers without Docker\"}");
        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

        assertThat(searchArticles("docker")).contains("\"_id\":\"article-1\"");
    }

    @Test
    @Order(4)
    void brokerRestartKeepsTheRecords() {
        this.stack.kafka().restart();

        assertThat(consume("articles", 1)).extracting(ConsumerRecord::key).containsExactly("article-1");
    }

    @Test
    @Order(5)
    void elasticsearchStartedAgainKeepsTheDocuments() throws Exception {
        this.stack.elasticsearch().stop();
        assertThat(this.stack.elasticsearch().isRunning()).isFalse();

        this.stack.elasticsearch().start();

        assertThat(searchArticles("docker")).contains("\"_id\":\"article-1\"");
    }

    @Test
    @Order(6)
    void closeLeavesNoProcessBehind() {
        List<ProcessHandle> broker = this.stack.kafka().processTree();
        List<ProcessHandle> elasticsearch = this.stack.elasticsearch().processTree();
        assertThat(broker).anyMatch((process) -> commandLine(process).contains("kafka.Kafka"));
        assertThat(elasticsearch)
            .anyMatch((process) -> commandLine(process).contains("org.elasticsearch.bootstrap.Elasticsearch"));
        Path workDir = this.stack.kafka().logFile().getParent().getParent();

        this.stack.close();

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(broker).as("broker processes").noneMatch(ProcessHandle::isAlive));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(elasticsearch).as("Elasticsearch processes")
                .noneMatch(ProcessHandle::isAlive));
        assertThat(workDir).doesNotExist();
    }

    private List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private String searchArticles(String text) throws IOException, InterruptedException {
        HttpResponse<String> found = send("POST", "/articles/_search",
                "{\"query\":{\"match\":{\"title\":\"" + text + "\"}}}");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return found.body();
    }

    private HttpResponse<String> send(String method, String path, String json) {
        ElasticsearchAccess elasticsearch = this.stack.elasticsearch().access();
        return elasticsearch.send(elasticsearch.request(path)
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return properties;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return properties;
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
