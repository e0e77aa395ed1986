package dev.contentpipeline.index.indexing;

import dev.contentpipeline.localstack.TopicReader;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.contentpipeline.apikeys.ApiKeyFilter;
import dev.contentpipeline.connections.ElasticsearchClients;
import dev.contentpipeline.connections.ElasticsearchSettings;
import dev.contentpipeline.index.IndexServiceUnderTest;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.model.ContentHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentListenerIntegrationTests {

    private static final String ARTICLES = "it-index.articles";
    private static final String COUNTRIES = "it-index.countries";
    private static final String ARTICLE_ALIAS = "it-index-articles";
    private static final String COUNTRY_ALIAS = "it-index-countries";
    private static final String GROUP = "it-index";
    private static final String OPERATOR_KEY = "operator-key-for-index-tests";
    private static final String PUBLISHER_KEY = "publisher-key-for-index-tests";

    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        new IndexServiceUnderTest(ARTICLES, COUNTRIES, ARTICLE_ALIAS, COUNTRY_ALIAS, GROUP, OPERATOR_KEY)
            .register(registry);
        registry.add("index.max-record-bytes", () -> "64KB");
        registry.add("index.security.keys.publisher.sha256", () -> ApiKeyFilter.sha256(PUBLISHER_KEY));
        registry.add("index.security.keys.publisher.scopes", () -> "write");
        registry.add("index.dead-letters.max-page-size", () -> "50");
        registry.add("index.dead-letters.excerpt-bytes", () -> "64");
        // Pages of two, so that a handful of articles takes several pages.
        registry.add("index.country-names.page-size", () -> "2");
        // Each consumer's first batch in two bulk requests from its third record on, so that the batches of the
        // first tests to run (poison records, versions, renames among them) are split, and must come out the same.
        registry.add("index.batch.first-records", () -> "2");
        // Batches of about a kilobyte, a few records: a poll holding records of several partitions is written in
        // several bulk requests at once, and must come out the same too.
        registry.add("index.batch.max-bytes", () -> "1KB");
    }

    @BeforeAll
    static void producer() {
        producer = IndexServiceUnderTest.producer();
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ElasticsearchSettings elasticsearchSettings;

    @LocalServerPort
    int port;

    /**
     * index-service names no cipher suites (application.yml), so its client's TLS is BoringSSL's, which encrypts
     * AES-GCM far faster than the JDK's TLS on C1 (NativeTls); what it offers and checks is ElasticsearchTlsTests' part,
     * the real server answering over it this one's (every other test here indexes over it).
     */
    @Test
    void talksToElasticsearchOverBoringSsl() throws IOException {
        assertThat(elasticsearchSettings.tlsCipherSuites()).isEmpty();
        URI url = elasticsearchSettings.url().get(0);
        assertThat(url.getScheme()).isEqualTo("https");
        try (RestClient client = ElasticsearchClients.restClient(elasticsearchSettings)) {
            assertThat(client.performRequest(new Request("GET", "/_security/_authenticate")).getStatusLine()
                .getStatusCode()).isEqualTo(200);
        }
        // A suite the node refuses (it has an RSA key) fails the handshake, which the health check reports with the
        // setting to check (ElasticsearchTlsTests).
        var refused = elasticsearchSettings.withTlsCipherSuites(List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"));
        try (RestClient client = ElasticsearchClients.restClient(refused)) {
            assertThatThrownBy(() -> client.performRequest(new Request("GET", "/_security/_authenticate")))
                .isInstanceOf(SSLException.class);
        }
    }

    /** The request-id trail (README, Configuration): a line per record, one log event per bulk request. */
    @Test
    void logsALinePerIndexedRecordInOneEventPerBulkRequest() {
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        var indexed = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ContentListener.INDEXED_LOG);
        events.start();
        indexed.addAppender(events);
        try {
            for (int i = 1; i <= 3; i++) {
                producer.send(new ProducerRecord<>(ARTICLES, 0, "trail-" + i, article("trail-" + i, "Trail " + i, 1)));
            }
            producer.flush();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(messages(events).toString())
                .containsPattern("\\nIndexed it-index-articles trail-1 version 1 "
                        + "from it-index\\.articles-0@\\d+ request-id -")
                .contains("Indexed it-index-articles trail-2 version 1", "Indexed it-index-articles trail-3 version 1"));
            for (String message : messages(events)) {
                String[] lines = message.split("\n");
                assertThat(lines[0]).isEqualTo(lines.length == 2 ? "1 record in one bulk request:"
                        : (lines.length - 1) + " records in one bulk request:");
                assertThat(List.of(lines).subList(1, lines.length))
                    .allMatch(line -> line.matches("(Indexed|Superseded \\(a newer version is indexed\\)) "
                            + "\\S+ \\S+ version \\d+ from \\S+-\\d+@\\d+ request-id \\S+"));
            }
        } finally {
            indexed.detachAppender(events);
        }
    }

    /** The appender appends under its own lock (AppenderBase.doAppend). */
    private static List<String> messages(ListAppender<ILoggingEvent> events) {
        synchronized (events) {
            return events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void articleOnTheTopicIsIndexedUnderItsIdAndVersion() {
        publish(ARTICLES, "listener-article", article("listener-article", "Snow festival", 7), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> doc = source(ARTICLE_ALIAS, "listener-article");
            assertThat(doc).containsEntry("title", "Snow festival").containsEntry("type", "article")
                    .containsEntry("deleted", false);
            assertThat(((Number) doc.get("version")).longValue()).isEqualTo(7);
        });
    }

    @Test
    void staleVersionNeverOverwritesANewerOneAndRedeliveryChangesNothing() {
        publish(ARTICLES, "versions", article("versions", "Version five", 5), null);
        publish(ARTICLES, "versions", article("versions", "Version three", 3), null);
        publish(ARTICLES, "versions", article("versions", "Version five", 5), null);
        publish(ARTICLES, "versions-done", article("versions-done", "Marker", 1), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(source(ARTICLE_ALIAS, "versions-done")).isNotNull();
            assertThat(source(ARTICLE_ALIAS, "versions")).containsEntry("title", "Version five");
        });
    }

    @Test
    void tombstoneDeletesAndAnOlderVersionReplayedLaterStaysDeleted() {
        publish(ARTICLES, "to-delete", article("to-delete", "Short-lived", 10), null);
        publish(ARTICLES, "to-delete", null, "11");
        publish(ARTICLES, "to-delete", article("to-delete", "Short-lived", 10), null);
        publish(ARTICLES, "to-delete-done", article("to-delete-done", "Marker", 1), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(source(ARTICLE_ALIAS, "to-delete-done")).isNotNull();
            assertThat(source(ARTICLE_ALIAS, "to-delete")).containsEntry("deleted", true);
        });
    }

    @Test
    void countryIsIndexedWithItsCodeAsId() {
        publish(COUNTRIES, "CI", """
                {"code":"CI","name":"Côte d'Ivoire","officialName":"Republic of Côte d'Ivoire",
                 "aliases":["Ivory Coast","Cote d'Ivoire"],"names":{"zh":"科特迪瓦"},"region":"Africa",
                 "subregion":"Western Africa","status":"current"}""".getBytes(StandardCharsets.UTF_8), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(source(COUNTRY_ALIAS, "CI")).containsEntry("name", "Côte d'Ivoire")
                        .containsEntry("type", "country"));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirBytesAndTheRestIsIndexed() {
        byte[] notJson = "this is not json".getBytes(StandardCharsets.UTF_8);
        byte[] invalidUtf8 = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        byte[] wrongShape = "{\"id\":\"poison-shape\",\"title\":42,\"tags\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] oversized = article("poison-oversized", "x".repeat(100_000), 1);
        publish(ARTICLES, "poison-not-json", notJson, null);
        publish(ARTICLES, "poison-oversized", oversized, null);
        publish(ARTICLES, "poison-utf8", invalidUtf8, null);
        publish(ARTICLES, "poison-shape", wrongShape, null);
        publish(ARTICLES, "after-poison", article("after-poison", "Still flowing", 1), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(source(ARTICLE_ALIAS, "after-poison")).containsEntry("title", "Still flowing"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead =
                    TopicReader.readAll(ARTICLES + ".DLT");
            assertThat(dead).filteredOn(r -> r.key().equals("poison-not-json")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.value()).isEqualTo(notJson);
                        assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
                    });
            assertThat(dead).filteredOn(r -> r.key().equals("poison-utf8")).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo(invalidUtf8));
            assertThat(dead).filteredOn(r -> r.key().equals("poison-shape")).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo(wrongShape));
            assertThat(dead).filteredOn(r -> r.key().equals("poison-oversized")).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo(oversized));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ConsumerLag.of(GROUP, ARTICLES)).isZero());
    }

    @Test
    void recordRefusedByTheMappingIsDeadLetteredOnceWithoutARetryLoop() throws IOException {
        // Valid as a record (an Instant reaches year 999,999,999), beyond what an Elasticsearch date can hold.
        publish(COUNTRIES, "TV", """
                {"code":"TV","name":"Tuvalu","officialName":"Tuvalu","names":{"zh":"图瓦卢"},"region":"Oceania",
                 "status":"current"}""".getBytes(StandardCharsets.UTF_8), null);
        publish(ARTICLES, "far-future", ("{\"id\":\"far-future\",\"title\":\"Far future\",\"body\":\"b\","
                + "\"publishedAt\":\"+999999999-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8), null);
        publish(COUNTRIES, "TO", """
                {"code":"TO","name":"Tonga","officialName":"Kingdom of Tonga","names":{"zh":"汤加"},
                 "region":"Oceania","status":"current"}""".getBytes(StandardCharsets.UTF_8), null);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(source(COUNTRY_ALIAS, "TO")).isNotNull();
            assertThat(source(COUNTRY_ALIAS, "TV")).isNotNull();
            assertThat(ConsumerLag.of(GROUP, COUNTRIES)).isZero();
            assertThat(ConsumerLag.of(GROUP, ARTICLES)).isZero();
        });
        List<ConsumerRecord<String, byte[]>> dead =
                TopicReader.readAll(ARTICLES + ".DLT");
        assertThat(dead).filteredOn(r -> "far-future".equals(r.key())).singleElement().satisfies(r -> assertThat(
                new String(r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("400").contains("publishedAt"));
        assertThat(source(ARTICLE_ALIAS, "far-future")).isNull();
    }

    @Test
    void replayFromOffsetZeroLeavesTheNewestStateInPlace() throws Exception {
        publish(ARTICLES, "replayed", article("replayed", "Third", 3), null);
        publish(ARTICLES, "replayed", article("replayed", "First", 1), null);
        publish(ARTICLES, "replayed", article("replayed", "Third", 3), null);
        publish(ARTICLES, "replayed-deleted", article("replayed-deleted", "Doomed", 4), null);
        publish(ARTICLES, "replayed-deleted", null, "5");
        publish(ARTICLES, "replayed-deleted", article("replayed-deleted", "Doomed", 4), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ConsumerLag.of(GROUP, ARTICLES)).isZero();
            assertThat(source(ARTICLE_ALIAS, "replayed")).containsEntry("title", "Third");
            assertThat(source(ARTICLE_ALIAS, "replayed-deleted")).containsEntry("deleted", true);
        });

        MessageListenerContainer container = listeners.getListenerContainer("content-indexer");
        container.stop();
        ConsumerLag.rewindToStart(GROUP, ARTICLES);
        assertThat(ConsumerLag.of(GROUP, ARTICLES)).isPositive();
        container.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ConsumerLag.of(GROUP, ARTICLES)).isZero());
        assertThat(source(ARTICLE_ALIAS, "replayed")).containsEntry("title", "Third").containsEntry("version", 3);
        assertThat(source(ARTICLE_ALIAS, "replayed-deleted")).containsEntry("deleted", true);
    }

    @Test
    void articlesCarryTheirCountriesNamesAndARenameReachesThem() throws IOException {
        publish(COUNTRIES, "AL", country("AL", "Albania", "Shqipëria", 1), null);
        publish(COUNTRIES, "ME", country("ME", "Montenegro", "Crna Gora", 1), null);
        publish(ARTICLES, "iso-polyphony", ("{\"id\":\"iso-polyphony\",\"title\":\"Voices of Gjirokastër\","
                + "\"body\":\"A drone and two soloists.\",\"countries\":[\"AL\"],"
                + "\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":4}").getBytes(StandardCharsets.UTF_8), null);
        // More articles than one page holds, some naming a second country whose names they keep.
        for (int i = 1; i <= 5; i++) {
            publish(ARTICLES, "albania-" + i, ("{\"id\":\"albania-" + i + "\",\"title\":\"Albania " + i + "\","
                    + "\"body\":\"b\",\"countries\":[\"AL\"" + (i % 2 == 0 ? ",\"ME\"" : "") + "],"
                    + "\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":" + (10 + i) + "}")
                    .getBytes(StandardCharsets.UTF_8), null);
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(NullPointerException.class)
                .untilAsserted(() -> {
                    assertThat(countryNames("iso-polyphony")).contains("Albania", "Shqipëria", "阿尔巴尼亚");
                    assertThat(countryNames("albania-5")).contains("Shqipëria");
                    assertThat(countryNames("albania-2")).contains("Shqipëria", "Crna Gora");
                });

        publish(COUNTRIES, "AL", country("AL", "Albania", "Land of the Eagles", 2), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> article = source(ARTICLE_ALIAS, "iso-polyphony");
            assertThat(countryNames("iso-polyphony")).contains("Land of the Eagles").doesNotContain("Shqipëria");
            assertThat(article).containsEntry("version", 4).containsEntry("title", "Voices of Gjirokastër");
            for (int i = 1; i <= 5; i++) {
                assertThat(countryNames("albania-" + i)).as("albania-" + i).contains("Land of the Eagles")
                        .doesNotContain("Shqipëria");
                assertThat(source(ARTICLE_ALIAS, "albania-" + i)).containsEntry("version", 10 + i);
            }
        });
        assertThat(countryNames("albania-2")).as("the other country's names stay").contains("Crna Gora");
    }

    @Test
    void aStaleCountryVersionReplayedChangesNoArticlesNames() throws Exception {
        publish(COUNTRIES, "MK", country("MK", "North Macedonia", "Macedonia", 5), null);
        publish(ARTICLES, "ohrid-summer", ("{\"id\":\"ohrid-summer\",\"title\":\"Summer at Ohrid\",\"body\":\"b\","
                + "\"countries\":[\"MK\"],\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":3}")
                .getBytes(StandardCharsets.UTF_8), null);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(NullPointerException.class)
                .untilAsserted(() -> assertThat(countryNames("ohrid-summer")).contains("Macedonia"));

        publish(COUNTRIES, "MK", country("MK", "North Macedonia", "FYROM", 4), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ConsumerLag.of(GROUP, COUNTRIES)).isZero());
        assertThat(countryNames("ohrid-summer")).contains("Macedonia").doesNotContain("FYROM");
        assertThat(source(COUNTRY_ALIAS, "MK")).containsEntry("version", 5);
    }

    @SuppressWarnings("unchecked")
    private List<String> countryNames(String articleId) throws IOException {
        return (List<String>) source(ARTICLE_ALIAS, articleId).get(CountryNameEnricher.FIELD);
    }

    private static byte[] country(String code, String name, String alias, long version) {
        return ("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"officialName\":\"Republic of " + name
                + "\",\"aliases\":[\"" + alias + "\"],\"names\":{\"zh\":\"阿尔巴尼亚\"},\"region\":\"Europe\","
                + "\"subregion\":\"Southern Europe\",\"status\":\"current\",\"version\":" + version + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void exposesLagBulkLatencyAndItemCounts() throws Exception {
        publish(ARTICLES, "metered", article("metered", "Metered", 1), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> source(ARTICLE_ALIAS, "metered") != null);
        JsonNode names = JsonMapper.shared().readTree(management("GET", "/actuator/metrics", OPERATOR_KEY, null).body())
                .get("names");
        assertThat(names.valueStream().map(JsonNode::asString).toList())
                .contains("pipeline.index.items", "pipeline.index.bulk", "kafka.consumer.fetch.manager.records.lag.max");
        JsonNode indexed = JsonMapper.shared().readTree(management("GET",
                "/actuator/metrics/pipeline.index.items?tag=outcome:indexed", OPERATOR_KEY, null).body());
        assertThat(indexed.at("/measurements/0/value").asDouble()).isPositive();
    }

    @Test
    void aPollHoldingSeveralBatchesIsWrittenInSeveralBulkRequestsAtOnce() throws Exception {
        // Sent together, so that one poll finds them all, in each partition, some 3 KB: three batches of a kilobyte.
        for (int i = 0; i < 24; i++) {
            producer.send(new ProducerRecord<>(ARTICLES, "at-once-" + i, article("at-once-" + i, "At once " + i, 1)));
        }
        producer.flush();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < 24; i++) {
                assertThat(source(ARTICLE_ALIAS, "at-once-" + i)).containsEntry("title", "At once " + i);
            }
        });
        JsonNode bulks = JsonMapper.shared().readTree(management("GET", "/actuator/metrics/pipeline.index.poll.bulks",
                OPERATOR_KEY, null).body());
        Map<String, Double> statistics = new HashMap<>();
        bulks.get("measurements").forEach(measurement -> statistics.put(measurement.get("statistic").asString(),
                measurement.get("value").asDouble()));
        assertThat(statistics.get("TOTAL")).as("bulk requests, against polls: %s", statistics)
                .isGreaterThan(statistics.get("COUNT"));
    }

    @Test
    void deadLettersArePagedWithExcerptsReadWholeByPositionAndRedrivenOnce() throws Exception {
        String title = "No body yet " + "and a title long enough to be cut short in a listing".repeat(3);
        publish(ARTICLES, "fix-me", ("{\"id\":\"fix-me\",\"title\":\"" + title + "\"}").getBytes(StandardCharsets.UTF_8),
                null);
        String dlt = ARTICLES + ".DLT";
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> findDeadLetter(dlt, "fix-me"),
                java.util.Objects::nonNull);
        assertThat(letter.get("reason").asString()).contains("body").contains("publishedAt");
        assertThat(letter.get("originalTopic").asString()).isEqualTo(ARTICLES);
        assertThat(letter.get("truncated").asBoolean()).isTrue();
        assertThat(letter.get("value").asString()).startsWith("{\"id\":\"fix-me\"").hasSizeLessThanOrEqualTo(64);
        String position = "/" + dlt + "/" + letter.get("partition").asInt() + "/" + letter.get("offset").asLong();
        JsonNode whole = JsonMapper.shared().readTree(management("GET", "/api/dead-letters" + position, OPERATOR_KEY,
                null).body());
        assertThat(whole.get("value").asString()).contains(title);
        assertThat(whole.get("truncated").asBoolean()).isFalse();

        long before = endOffsets(ARTICLES);
        String body = "{\"records\":[{\"topic\":\"" + dlt + "\",\"partition\":" + letter.get("partition").asInt()
                + ",\"offset\":" + letter.get("offset").asLong() + "}]}";
        HttpResponse<String> first = management("POST", "/api/dead-letters/redrive", OPERATOR_KEY, body);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(first.body()).get(0).get("outcome").asString()).isEqualTo("redriven");
        assertThat(JsonMapper.shared().readTree(first.body()).get(0).get("redrive").get("by").asString())
                .isEqualTo("operator");
        HttpResponse<String> second = management("POST", "/api/dead-letters/redrive", OPERATOR_KEY, body);
        assertThat(JsonMapper.shared().readTree(second.body()).get(0).get("outcome").asString())
                .isEqualTo("already-redriven");
        assertThat(endOffsets(ARTICLES)).as("published once").isEqualTo(before + 1);
        assertThat(JsonMapper.shared().readTree(management("GET", "/api/dead-letters" + position, OPERATOR_KEY, null)
                .body()).get("redriven").get("by").asString()).isEqualTo("operator");
        // Invalid again, so it comes back to the dead letters: once more, not twice.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                TopicReader.readAll(dlt))
                .filteredOn(r -> "fix-me".equals(r.key())).hasSize(2));
    }

    @Test
    void theManagementApiRefusesWithoutAnAdminKeyAndRedrivesNothing() throws Exception {
        String dlt = ARTICLES + ".DLT";
        String redrive = "{\"records\":[{\"topic\":\"" + dlt + "\",\"partition\":0,\"offset\":0}]}";
        long before = endOffsets(ARTICLES);
        record Refusal(String method, String path, String key, String body, int status) {
        }
        List<Refusal> refusals = List.of(
                new Refusal("GET", "/api/dead-letters", null, null, 401),
                new Refusal("GET", "/api/dead-letters/" + dlt + "/0", null, null, 401),
                new Refusal("GET", "/api/dead-letters/" + dlt + "/0/0", "not-a-key", null, 401),
                new Refusal("POST", "/api/dead-letters/redrive", null, redrive, 401),
                new Refusal("POST", "/api/dead-letters/redrive", "not-a-key", redrive, 401),
                new Refusal("POST", "/api/dead-letters/redrive", PUBLISHER_KEY, redrive, 403),
                new Refusal("GET", "/api/dead-letters", PUBLISHER_KEY, null, 403),
                new Refusal("GET", "/actuator/metrics", null, null, 401),
                new Refusal("GET", "/actuator/prometheus", null, null, 401),
                new Refusal("GET", "/actuator/prometheus", PUBLISHER_KEY, null, 403),
                new Refusal("GET", "/api/dead-letters/" + dlt + "/0?size=51", OPERATOR_KEY, null, 400),
                new Refusal("GET", "/api/dead-letters/" + dlt + "/0?size=0", OPERATOR_KEY, null, 400),
                new Refusal("GET", "/api/dead-letters/" + ARTICLES + "/0", OPERATOR_KEY, null, 400),
                new Refusal("POST", "/api/dead-letters/redrive", OPERATOR_KEY,
                        "{\"records\":[{\"topic\":\"" + ARTICLES + "\",\"partition\":0,\"offset\":0}]}", 200),
                new Refusal("POST", "/api/dead-letters/redrive", OPERATOR_KEY, "{\"records\":[]}", 400),
                new Refusal("POST", "/api/dead-letters/redrive", OPERATOR_KEY, "{\"records\":["
                        + ("{\"topic\":\"" + dlt + "\",\"partition\":0,\"offset\":0},").repeat(50)
                        + "{\"topic\":\"" + dlt + "\",\"partition\":0,\"offset\":0}]}", 400));
        for (Refusal refusal : refusals) {
            HttpResponse<String> answer = management(refusal.method(), refusal.path(), refusal.key(), refusal.body());
            assertThat(answer.statusCode()).as(refusal + " -> " + answer.body()).isEqualTo(refusal.status());
            if (refusal.status() == 200) {
                assertThat(JsonMapper.shared().readTree(answer.body()).get(0).get("outcome").asString())
                        .as("a content topic is not a dead-letter topic").isEqualTo("refused");
            }
        }
        assertThat(endOffsets(ARTICLES)).as("nothing re-driven").isEqualTo(before);
        assertThat(management("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(management("GET", "/actuator/prometheus", OPERATOR_KEY, null).body())
                .contains("pipeline_index_items_total");
    }

    private JsonNode findDeadLetter(String dlt, String key) throws Exception {
        for (JsonNode partition : JsonMapper.shared().readTree(management("GET", "/api/dead-letters", OPERATOR_KEY,
                null).body())) {
            if (!partition.get("topic").asString().equals(dlt)) {
                continue;
            }
            long from = partition.get("first").asLong();
            while (from >= 0) {
                JsonNode page = JsonMapper.shared().readTree(management("GET", "/api/dead-letters/" + dlt + "/"
                        + partition.get("partition").asInt() + "?size=50&from=" + from, OPERATOR_KEY, null).body());
                for (JsonNode item : page.get("items")) {
                    if (key.equals(item.get("key").asString())) {
                        return item;
                    }
                }
                from = page.get("next").isNull() ? -1 : page.get("next").asLong();
            }
        }
        return null;
    }

    private HttpResponse<String> management(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long endOffsets(String topic) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static byte[] article(String id, String title, long version) {
        return ("{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"Body of " + title
                + "\",\"countries\":[\"CN\"],\"publishedAt\":\"2026-01-01T00:00:00Z\",\"version\":" + version + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void publish(String topic, String key, byte[] value, String versionHeader) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (versionHeader != null) {
            record.headers().add(ContentHeaders.VERSION, versionHeader.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map<String, Object> source(String alias, String id) throws IOException {
        GetResponse<Map> response = elasticsearch.get(g -> g.index(alias).id(id), Map.class);
        return response.found() ? response.source() : null;
    }
}
