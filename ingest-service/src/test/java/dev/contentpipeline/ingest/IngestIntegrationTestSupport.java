package dev.contentpipeline.ingest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.contentpipeline.connections.ElasticsearchClients;
import dev.contentpipeline.connections.ElasticsearchSettings;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One application context for the integration tests, on the shared real broker and Elasticsearch, with three
 * keys: a writer, an admin-only key, and a writer with a rate of one request a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IngestIntegrationTestSupport {

    public static final String ARTICLES = "it-ingest.articles";
    public static final String COUNTRIES = "it-ingest.countries";
    public static final String ARTICLES_ALIAS = "it-ingest-articles";
    public static final String COUNTRIES_ALIAS = "it-ingest-countries";

    public static final String WRITER_KEY = "writer-key-for-tests-0123456789";
    public static final String ADMIN_KEY = "admin-key-for-tests-0123456789";
    public static final String SLOW_KEY = "slow-key-for-tests-0123456789";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.shared().kafkaBootstrapServers());
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        elasticsearch.properties(elasticsearch.user(PipelineService.INGEST, ARTICLES_ALIAS, COUNTRIES_ALIAS))
            .forEach((name, value) -> registry.add(name, () -> value));
        registry.add("content.topics.articles", () -> ARTICLES);
        registry.add("content.topics.countries", () -> COUNTRIES);
        registry.add("content.aliases.articles", () -> ARTICLES_ALIAS);
        registry.add("content.aliases.countries", () -> COUNTRIES_ALIAS);
        registerKeys(registry);
    }

    /** A client as Elasticsearch's operator, for a test that plays the indexer's part. */
    protected static ElasticsearchClient operatorClient() {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        return ElasticsearchClients.create(ElasticsearchSettings.of(elasticsearch.url(),
                elasticsearch.operator().username(), elasticsearch.operator().password(),
                elasticsearch.caCertificate()));
    }

    public static void registerKeys(DynamicPropertyRegistry registry) {
        registry.add("ingest.security.keys.writer.sha256", () -> sha256(WRITER_KEY));
        registry.add("ingest.security.keys.writer.scopes", () -> "write");
        registry.add("ingest.security.keys.writer.rate-limit.requests-per-second", () -> "10000");
        registry.add("ingest.security.keys.writer.rate-limit.burst", () -> "10000");
        registry.add("ingest.security.keys.admin.sha256", () -> sha256(ADMIN_KEY).toUpperCase(Locale.ROOT));
        registry.add("ingest.security.keys.admin.scopes", () -> "admin");
        registry.add("ingest.security.keys.slow.sha256", () -> sha256(SLOW_KEY));
        registry.add("ingest.security.keys.slow.scopes", () -> "write");
        registry.add("ingest.security.keys.slow.rate-limit.requests-per-second", () -> "1");
        registry.add("ingest.security.keys.slow.rate-limit.burst", () -> "2");
    }

    @LocalServerPort
    protected int port;

    private IngestHttp ingest;

    protected HttpClient http() {
        return ingest().client();
    }

    protected HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        return ingest().send(method, path, json);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return ingest().send(request);
    }

    protected HttpRequest.Builder request(String path, String contentType, String key) {
        return ingest().request(path, contentType, key);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return IngestHttp.json(response);
    }

    private IngestHttp ingest() {
        if (ingest == null) {
            ingest = new IngestHttp(port);
        }
        return ingest;
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
