package dev.contentpipeline.endtoend;

import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.localstack.ServiceProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A country named in tens of thousands of articles changes its names, and index-service, in its own JVM with the
 * services' real options (compose/service-jvm.options: a 160 MB heap, exit on OutOfMemoryError), writes every one
 * of those articles again with the new names at its own version, and lives on. The articles are about the size of
 * the benchmark corpus' average (5 KB), so holding them all at once would not fit that heap.
 * {@code -Drename.articles} changes how many.
 */
class CountryRenameAtScaleIntegrationTests {

    private static final int ARTICLES = Integer.getInteger("rename.articles", 20_000);
    private static final Duration GENEROUS = Duration.ofMinutes(10);
    private static final String CODE = "MT";
    private static final List<String> WORDS = List.of("harbour", "limestone", "festa", "bastion", "ferry", "summer",
            "village", "parish", "fireworks", "bakery", "fishermen", "cathedral", "wind", "salt", "language", "archive");

    @Test
    void everyArticleNamingARenamedCountryCarriesTheNewNameAtItsOwnVersionUnderTheServicesHeap() throws Exception {
        String scenario = "rename-" + Long.toString(System.nanoTime() % 100_000, 36);
        String articles = scenario + "-articles";
        String countries = scenario + "-countries";
        String oldAlias = "Melita";
        String newAlias = "Island of Honey " + scenario;
        Path logs = Files.createDirectories(Path.of("target", "resilience-logs"));
        ServiceProcess indexer = ServiceProcess.start("index-service-" + scenario, RunningServices.jar("index"),
                RunningServices.as(PipelineService.INDEX, Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", Infrastructure.shared().kafkaBootstrapServers(),
                        "CONTENT_TOPICS_ARTICLES", scenario + ".articles",
                        "CONTENT_TOPICS_COUNTRIES", scenario + ".countries",
                        "CONTENT_ALIASES_ARTICLES", articles,
                        "CONTENT_ALIASES_COUNTRIES", countries,
                        "SPRING_KAFKA_CONSUMER_GROUP_ID", scenario)), logs);
        try (KafkaProducer<String, byte[]> producer = TopicRecords.producer(20)) {
            indexer.awaitHealthy(Duration.ofSeconds(120));
            producer.send(new ProducerRecord<>(scenario + ".countries", CODE, country(oldAlias, 1))).get();
            await().atMost(GENEROUS).until(() -> call("GET", "/" + countries + "/_doc/" + CODE, null)
                    .path("found").asBoolean());
            Map<String, IndexedState.Entry> expected = new HashMap<>();
            Random random = new Random(7);
            for (int i = 0; i < ARTICLES; i++) {
                String id = "named-" + i;
                long version = 1_000 + random.nextInt(1_000_000);
                expected.put(id, new IndexedState.Entry(version, false));
                producer.send(new ProducerRecord<>(scenario + ".articles", id, article(id, version, random)));
            }
            producer.flush();
            await().atMost(GENEROUS).pollInterval(Duration.ofSeconds(2))
                    .failFast("index-service exited while indexing; its log: " + indexer.logFile(), () -> !indexer.isAlive())
                    .until(() -> countNamed(articles, oldAlias) == ARTICLES);

            Instant renamed = Instant.now();
            producer.send(new ProducerRecord<>(scenario + ".countries", CODE, country(newAlias, 2))).get();
            await().atMost(GENEROUS).pollInterval(Duration.ofSeconds(1))
                    .failFast("index-service exited (it does on OutOfMemoryError); its log: " + indexer.logFile(),
                            () -> !indexer.isAlive())
                    .until(() -> countNamed(articles, newAlias) == ARTICLES);
            Duration took = Duration.between(renamed, Instant.now());

            assertThat(countNamed(articles, oldAlias)).as("articles still carrying the old name").isZero();
            assertThat(IndexedState.read(elasticsearch(), articles)).as("every article at its own version")
                    .isEqualTo(expected);
            assertThat(indexer.isAlive()).as("index-service alive after the rename").isTrue();
            System.out.printf("%s: %s renamed, %d articles naming it carry the new name at their own version after "
                    + "%.1f s, index-service alive under %s%n", scenario, CODE, ARTICLES, took.toMillis() / 1000.0,
                    "compose/service-jvm.options");
        } finally {
            indexer.close();
        }
    }

    /** How many articles list the name among their countryNames (exact value). */
    private static long countNamed(String alias, String name) {
        String query = "{\"query\":{\"term\":{\"countryNames.keyword\":" + JsonMapper.shared().writeValueAsString(name)
                + "}}}";
        JsonNode answer = call("POST", "/" + alias + "/_count?ignore_unavailable=true", query);
        return answer.path("count").asLong(-1);
    }

    private static byte[] country(String alias, long version) {
        return ("{\"code\":\"" + CODE + "\",\"name\":\"Malta\",\"officialName\":\"Republic of Malta\",\"aliases\":["
                + JsonMapper.shared().writeValueAsString(alias) + "],\"names\":{\"zh\":\"马耳他\"},\"region\":\"Europe\","
                + "\"subregion\":\"Southern Europe\",\"status\":\"current\",\"version\":" + version + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] article(String id, long version, Random random) {
        StringBuilder body = new StringBuilder(5_200);
        while (body.length() < 5_000) {
            body.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(8) == 0 ? ". " : " ");
        }
        return ("{\"id\":\"" + id + "\",\"title\":\"Notes from the islands " + id + "\",\"body\":\"" + body
                + "\",\"countries\":[\"" + CODE + "\"],\"publishedAt\":\"2026-02-01T08:00:00Z\",\"version\":" + version
                + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode call(String method, String path, String json) {
        ElasticsearchAccess elasticsearch = elasticsearch();
        return JsonMapper.shared().readTree(elasticsearch.send(elasticsearch.request(path)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build()).body());
    }

    private static ElasticsearchAccess elasticsearch() {
        return Infrastructure.shared().elasticsearch();
    }
}
