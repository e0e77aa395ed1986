package dev.contentpipeline.endtoend;

import dev.contentpipeline.model.IndexDefinition;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.IngestApiKey;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.localstack.ServiceProcess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
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
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild of thousands of articles of about 5 KB, by an index-service in its own JVM with the services' real
 * options (compose/service-jvm.options: a 160 MB heap, exit on OutOfMemoryError): it measures and prints how long the
 * rebuild took and at what rate it replayed, beside how fast the live listener indexed the same records. The articles
 * are made here ({@code -Drebuild.articles}, default 5,000 in the suite; 20,000 and 50,000 for the figures in the README), or read from an NDJSON file of articles
 * ({@code -Drebuild.corpus=<file>}, one article with its id a line, such as the benchmark's synthetic corpus).
 * {@code -Drebuild.command=<path of index-service/rebuild>} has the operator's command start the rebuild and follow it
 * (it needs bash and curl, which the default run does not).
 */
class RebuildAtScaleIntegrationTests {

    private static final int ARTICLES = Integer.getInteger("rebuild.articles", 5_000);
    private static final String CORPUS = System.getProperty("rebuild.corpus", "");
    private static final String COMMAND = System.getProperty("rebuild.command", "");
    private static final Duration GENEROUS = Duration.ofMinutes(30);
    private static final List<String> CODES = List.of("MT", "CN", "DE", "FR", "JP", "BR", "KE", "NO", "PE", "VN");
    private static final List<String> WORDS = List.of("harbour", "limestone", "festa", "bastion", "ferry", "summer",
            "village", "parish", "fireworks", "bakery", "fishermen", "cathedral", "wind", "salt", "language",
            "archive");

    @Test
    void rebuildOfTensOfThousandsOfArticlesUnderTheServicesHeap() throws Exception {
        String scenario = "rebuild-scale-" + Long.toString(System.nanoTime() % 100_000, 36);
        String articles = scenario + "-articles";
        IngestApiKey key = IngestApiKey.random("operator");
        Map<String, String> env = new HashMap<>(key.adminEnvironment("INDEX"));
        env.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", Infrastructure.shared().kafkaBootstrapServers(),
                "CONTENT_TOPICS_ARTICLES", scenario + ".articles", "CONTENT_TOPICS_COUNTRIES", scenario + ".countries",
                "CONTENT_ALIASES_ARTICLES", articles, "CONTENT_ALIASES_COUNTRIES", scenario + "-countries",
                "SPRING_KAFKA_CONSUMER_GROUP_ID", scenario));
        ServiceProcess indexer = ServiceProcess.start("index-service-" + scenario, RunningServices.jar("index"),
                RunningServices.as(PipelineService.INDEX, env),
                Files.createDirectories(Path.of("target", "rebuild-logs")));
        try (KafkaProducer<String, byte[]> producer = TopicRecords.producer(20)) {
            indexer.awaitHealthy(Duration.ofSeconds(180));
            // The countries first, so that the live listener finds their names, as it would in production.
            Set<String> codes = CORPUS.isEmpty() ? new TreeSet<>(CODES) : codesInCorpus();
            for (String code : codes) {
                producer.send(new ProducerRecord<>(scenario + ".countries", code, country(code))).get();
            }
            Instant published = Instant.now();
            long bytes = CORPUS.isEmpty() ? generate(producer, scenario + ".articles")
                    : fromCorpus(producer, scenario + ".articles");
            producer.flush();
            long count = CORPUS.isEmpty() ? ARTICLES : Files.lines(Path.of(CORPUS)).count();
            await().atMost(GENEROUS).pollInterval(Duration.ofSeconds(2))
                    .failFast("index-service exited; its log: " + indexer.logFile(), () -> !indexer.isAlive())
                    .until(() -> IndexedState.count(elasticsearch(), articles) == count);
            Duration live = Duration.between(published, Instant.now());

            RebuildCalls rebuilds = new RebuildCalls(indexer.baseUrl(), key.authorization());
            Instant started = Instant.now();
            if (COMMAND.isEmpty()) {
                rebuilds.rebuild();
            } else {
                runOperatorCommand(indexer.baseUrl(), key);
            }
            List<JsonNode> reports = rebuilds.awaitEnd(GENEROUS);
            Duration took = Duration.between(started, Instant.now());
            JsonNode done = reports.get(reports.size() - 1);

            assertThat(done.path("state").asString()).as(reports.toString()).isEqualTo("done");
            assertThat(indexer.isAlive()).as("index-service alive after the rebuild").isTrue();
            assertThat(call("GET", "/_alias/" + articles).has(articles + "-v"
                    + (IndexDefinition.ARTICLES.version() + 1))).as("the next version after the one created at start")
                    .isTrue();
            assertThat(IndexedState.count(elasticsearch(), articles)).isEqualTo(count);
            assertThat(call("POST", "/" + articles + "/_count?q=_exists_:countryNames").path("count").asLong())
                    .as("articles carrying their countries' names").isEqualTo(count);
            reports.forEach(report -> System.out.println("  " + report.path("state").asString() + " "
                    + report.path("recordsReplayed").asLong() + " replayed, lag " + report.path("lag").asLong() + ", "
                    + report.path("recordsPerSecond").asDouble() + "/s, ETA "
                    + report.path("etaSeconds").asString("-")));
            System.out.printf("%s: %d articles (%.1f MB of JSON) and %d countries; the live listener indexed them in "
                    + "%.1f s (%.0f/s); the rebuild took %.1f s from POST to done, replaying %d records at %.0f "
                    + "records/s, aliases moved after %.1f s%n", scenario, count, bytes / 1e6, codes.size(),
                    live.toMillis() / 1000.0, count * 1000.0 / live.toMillis(), took.toMillis() / 1000.0,
                    done.path("recordsReplayed").asLong(), done.path("recordsPerSecond").asDouble(),
                    Duration.between(started, Instant.parse(done.path("swappedAt").asString())).toMillis() / 1000.0);
        } finally {
            indexer.close();
        }
    }

    /** Runs the operator's command, printing what it prints, and asserts it ended as done. */
    private static void runOperatorCommand(String indexUrl, IngestApiKey key) throws Exception {
        ProcessBuilder command = new ProcessBuilder("bash", COMMAND).redirectErrorStream(true);
        command.environment().putAll(Map.of("INDEX_URL", indexUrl, "OPERATOR_KEY", key.key(),
                "REBUILD_POLL_SECONDS", "1"));
        Process process = command.start();
        try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8)) {
            output.lines().forEach(line -> System.out.println("  | " + line));
        }
        assertThat(process.waitFor()).as("exit status of " + COMMAND).isZero();
    }

    /** Articles of about 5 KB naming one to three countries, the same every run; returns their bytes. */
    private static long generate(KafkaProducer<String, byte[]> producer, String topic) {
        Random random = new Random(7);
        long bytes = 0;
        for (int i = 0; i < ARTICLES; i++) {
            StringBuilder body = new StringBuilder(5_200);
            while (body.length() < 5_000) {
                body.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(8) == 0 ? ". " : " ");
            }
            String id = "scale-" + i;
            byte[] json = ("{\"id\":\"" + id + "\",\"title\":\"Notes " + i + "\",\"body\":\"" + body
                    + "\",\"countries\":[\"" + CODES.get(random.nextInt(CODES.size())) + "\",\""
                    + CODES.get(random.nextInt(CODES.size())) + "\"],\"publishedAt\":\"2026-02-01T08:00:00Z\"}")
                    .getBytes(StandardCharsets.UTF_8);
            bytes += json.length;
            producer.send(new ProducerRecord<>(topic, id, json));
        }
        return bytes;
    }

    /** Each line of the corpus file, keyed by its id; returns their bytes. */
    private static long fromCorpus(KafkaProducer<String, byte[]> producer, String topic) throws Exception {
        long bytes = 0;
        try (BufferedReader lines = Files.newBufferedReader(Path.of(CORPUS))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode article = JsonMapper.shared().readTree(line);
                byte[] json = line.getBytes(StandardCharsets.UTF_8);
                bytes += json.length;
                producer.send(new ProducerRecord<>(topic, article.path("id").asString(), json));
            }
        }
        return bytes;
    }

    private static Set<String> codesInCorpus() throws Exception {
        Set<String> codes = new TreeSet<>();
        try (BufferedReader lines = Files.newBufferedReader(Path.of(CORPUS))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonMapper.shared().readTree(line).path("countries").forEach(code -> codes.add(code.asString()));
            }
        }
        return codes;
    }

    private static byte[] country(String code) {
        return ("{\"code\":\"" + code + "\",\"name\":\"Country " + code + "\",\"officialName\":\"Republic of " + code
                + "\",\"aliases\":[\"Land " + code + "\"],\"names\":{\"zh\":\"国家" + code + "\"},"
                + "\"region\":\"Europe\",\"subregion\":\"Southern Europe\",\"status\":\"current\",\"version\":1}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode call(String method, String path) {
        ElasticsearchAccess elasticsearch = elasticsearch();
        return JsonMapper.shared().readTree(elasticsearch.send(elasticsearch.request(path)
                .method(method, HttpRequest.BodyPublishers.noBody()).build()).body());
    }

    private static ElasticsearchAccess elasticsearch() {
        return Infrastructure.shared().elasticsearch();
    }
}
