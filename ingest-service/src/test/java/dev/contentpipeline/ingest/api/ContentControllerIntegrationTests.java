package dev.contentpipeline.ingest.api;

import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.model.ContentHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentControllerIntegrationTests {

    private static final String ARTICLES = "it-ingest.articles";
    private static final String COUNTRIES = "it-ingest.countries";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.shared().kafkaBootstrapServers());
        registry.add("ingest.topics.articles", () -> ARTICLES);
        registry.add("ingest.topics.countries", () -> COUNTRIES);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void acceptedArticleIsOnTheTopicKeyedByIdWithItsVersion() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/articles/winter-in-hegang", """
                {"title":"Winter in Hegang","body":"Hot pot at thirty below.","countries":["cn"],
                 "publishedAt":"2026-02-01T08:00:00Z"}""");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = JsonMapper.shared().readTree(response.body());
        assertThat(receipt.get("type").asString()).isEqualTo("article");
        assertThat(receipt.get("id").asString()).isEqualTo("winter-in-hegang");
        assertThat(receipt.get("topic").asString()).isEqualTo(ARTICLES);
        long version = receipt.get("version").asLong();
        assertThat(version).isPositive();

        ConsumerRecord<String, byte[]> record = find(ARTICLES, "winter-in-hegang", receipt.get("offset").asLong());
        JsonNode published = JsonMapper.shared().readTree(record.value());
        assertThat(published.get("countries").get(0).asString()).isEqualTo("CN");
        assertThat(published.get("language").asString()).isEqualTo("en");
        assertThat(published.get("version").asLong()).isEqualTo(version);
        assertThat(new String(record.headers().lastHeader(ContentHeaders.VERSION).value(), StandardCharsets.UTF_8))
                .isEqualTo(Long.toString(version));
    }

    @Test
    void laterWritesOfAnIdCarryHigherVersions() throws Exception {
        String body = """
                {"title":"T","body":"B","publishedAt":"2026-02-01T08:00:00Z"}""";
        long first = version(send("PUT", "/api/articles/versioned", body));
        long second = version(send("PUT", "/api/articles/versioned", body));
        long deleted = version(send("DELETE", "/api/articles/versioned", null));
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(deleted);
    }

    @Test
    void countryIsPublishedUnderItsUpperCaseCode() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/countries/by", """
                {"name":"Belarus","officialName":"Republic of Belarus","aliases":["White Russia"],
                 "names":{"zh":"白俄罗斯"},"region":"Europe","subregion":"Eastern Europe","status":"current"}""");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = JsonMapper.shared().readTree(response.body());
        ConsumerRecord<String, byte[]> record = find(COUNTRIES, "BY", receipt.get("offset").asLong());
        assertThat(JsonMapper.shared().readTree(record.value()).get("code").asString()).isEqualTo("BY");
    }

    @Test
    void deleteIsATombstoneWithItsVersionInAHeader() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/countries/AN?version=42", null);

        assertThat(response.statusCode()).isEqualTo(202);
        ConsumerRecord<String, byte[]> record =
                find(COUNTRIES, "AN", JsonMapper.shared().readTree(response.body()).get("offset").asLong());
        assertThat(record.value()).isNull();
        assertThat(new String(record.headers().lastHeader(ContentHeaders.VERSION).value(), StandardCharsets.UTF_8))
                .isEqualTo("42");
    }

    @Test
    void invalidRecordGetsAProblemListingEveryFieldAndNothingIsPublished() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/articles/refused-article", """
                {"id":"refused-article","title":"","body":"x","language":"??","countries":["XX"]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactly("title", "language", "countries[0]", "publishedAt");
        assertThat(TopicReader.readAll(Infrastructure.shared().kafkaBootstrapServers(), ARTICLES))
                .noneMatch(r -> "refused-article".equals(r.key()));
    }

    @Test
    void badRequestsAreRefusedWithProblems() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"PUT", "/api/articles/Bad_Id", "{\"title\":\"t\"}"},
                new String[] {"PUT", "/api/articles/mismatch", "{\"id\":\"other\",\"title\":\"t\"}"},
                new String[] {"PUT", "/api/articles/not-json", "{not json"},
                new String[] {"PUT", "/api/articles/array", "[1,2]"},
                new String[] {"PUT", "/api/articles/empty", ""},
                new String[] {"PUT", "/api/articles/unknown-field", "{\"title\":\"t\",\"body\":\"b\","
                        + "\"publishedAt\":\"2026-01-01T00:00:00Z\",\"colour\":\"red\"}"},
                new String[] {"PUT", "/api/countries/XX", "{}"},
                new String[] {"DELETE", "/api/countries/ZZ", null},
                new String[] {"DELETE", "/api/articles/x?version=-1", null});
        for (String[] c : cases) {
            HttpResponse<String> response = send(c[0], c[1], c[2]);
            assertThat(response.statusCode()).as(c[0] + " " + c[1]).isEqualTo(400);
            assertThat(JsonMapper.shared().readTree(response.body()).has("errors")).as(c[1]).isTrue();
        }
        HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(uri("/api/articles/plain"))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongType.statusCode()).isEqualTo(415);
    }

    private ConsumerRecord<String, byte[]> find(String topic, String key, long offset) {
        return TopicReader.readAll(Infrastructure.shared().kafkaBootstrapServers(), topic).stream()
                .filter(r -> key.equals(r.key()) && r.offset() == offset)
                .findFirst().orElseThrow();
    }

    private static long version(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(202);
        return JsonMapper.shared().readTree(response.body()).get("version").asLong();
    }

    private HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
