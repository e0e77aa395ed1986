package dev.contentpipeline.loader;

import dev.contentpipeline.ingest.IngestApplication;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader against a real ingest-service (in this JVM) on the real broker. */
class IngestLoaderIntegrationTests {

    private static final String ARTICLES = "it-loader.articles";
    private static final String COUNTRIES = "it-loader.countries";
    private static final String KEY = "loader-test-key-0123456789";

    private static ConfigurableApplicationContext ingest;
    private static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void startIngest() throws Exception {
        // As command line arguments: they outrank application.yml, where default properties would not.
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + Infrastructure.shared().kafkaBootstrapServers(),
                "--content.topics.articles=" + ARTICLES,
                "--content.topics.countries=" + COUNTRIES,
                "--ingest.security.keys.loader.sha256=" + HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8))),
                "--ingest.security.keys.loader.scopes=write"));
        elasticsearch.properties(elasticsearch.user(PipelineService.INGEST))
            .forEach((name, value) -> arguments.add("--" + name + "=" + value));
        ingest = new SpringApplicationBuilder(IngestApplication.class).run(arguments.toArray(String[]::new));
        url = "http://localhost:" + ingest.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopIngest() {
        if (ingest != null) {
            ingest.close();
        }
    }

    @Test
    void loadsAnNdjsonFileWithProgressAndSaysWhatWasAcceptedAndRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("articles.ndjson"), articles("load", 2_500, 3) + "\n\n");
        long before = endOffset(ARTICLES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = IngestLoader.run(new String[] {"--url", url, "--chunk", "1000", file.toString()}, KEY,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), false));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("articles.ndjson: 2,500 items, 2,497 accepted, 3 rejected")
                .contains("item 833: record.title: is required");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[##############################] 100%");
        assertThat(endOffset(ARTICLES) - before).isEqualTo(2_497);
        assertThat(dir.resolve("articles.ndjson.progress")).doesNotExist();
    }

    @Test
    void loadsAJsonArrayOfBareRecordsAndBulkLines() throws Exception {
        Path file = Files.writeString(dir.resolve("countries.json"), """
                [
                  {"code":"BY","name":"Belarus","officialName":"Republic of Belarus","names":{"zh":"白俄罗斯"},
                   "region":"Europe","status":"current"},
                  {"type":"country","op":"delete","record":{"code":"AN","version":7}}
                ]""");
        long before = endOffset(COUNTRIES);

        assertThat(run(file, "--type", "country")).isZero();
        assertThat(endOffset(COUNTRIES) - before).isEqualTo(2);
    }

    @Test
    void aLoadStoppedPartWayResumesAfterTheLastSettledChunk() throws Exception {
        Path file = Files.writeString(dir.resolve("resumed.ndjson"), articles("resume", 2_500, 0));
        long before = endOffset(ARTICLES);
        LoaderOptions options = LoaderOptions.parse(new String[] {"--url", url, "--chunk", "500", file.toString()},
                KEY);

        assertThatThrownBy(() -> new BulkLoad(options).run((state, total) -> {
            if (state.settled() >= 1_000) {
                throw new IllegalStateException("interrupted, as by Ctrl-C");
            }
        })).hasMessageContaining("interrupted");
        assertThat(LoadState.read(options.state()).settled()).isEqualTo(1_000);
        assertThat(endOffset(ARTICLES) - before).isEqualTo(1_000);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = IngestLoader.run(new String[] {"--url", url, "--chunk", "500", file.toString()}, KEY,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, (state, total) -> { });
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("2,500 items, 2,500 accepted, 0 rejected (resumed from an earlier run)");
        assertThat(endOffset(ARTICLES) - before).as("nothing sent twice").isEqualTo(2_500);
    }

    @Test
    void aChangedInputIsNotResumedButAWrongKeyStopsAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("changed.ndjson"), articles("changed", 10, 0));
        new LoadState(file.toString(), 1, 1, 5, 5, 0).write(dir.resolve("changed.ndjson.progress"));
        assertThat(run(file)).isEqualTo(2);
        assertThat(run(file, "--restart")).isZero();

        assertThat(IngestLoader.run(new String[] {"--url", url, file.toString()}, "wrong-key", System.out,
                System.err, (state, total) -> { })).isEqualTo(2);
    }

    private int run(Path file, String... options) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--url", url));
        args.addAll(List.of(options));
        args.add(file.toString());
        return IngestLoader.run(args.toArray(String[]::new), KEY, System.out, System.err, (state, total) -> { });
    }

    /** Bare article records, one a line; every line number divisible by (count / invalid) lacks its title. */
    private static String articles(String prefix, int count, int invalid) {
        int every = invalid == 0 ? Integer.MAX_VALUE : count / invalid;
        return IntStream.rangeClosed(1, count).mapToObj(i -> i % every == 0
                ? "{\"id\":\"%s-%d\",\"body\":\"B\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}".formatted(prefix, i)
                : "{\"id\":\"%s-%d\",\"title\":\"T %d\",\"body\":\"B\",\"publishedAt\":\"2026-01-01T00:00:00Z\"}"
                        .formatted(prefix, i, i))
                .collect(Collectors.joining("\n"));
    }

    private static long endOffset(String topic) throws IOException {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList())
                    .values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
