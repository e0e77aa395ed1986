package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach an Elasticsearch with security on: its HTTPS address, the CA that signed its certificate, the
 * operator's credentials, and a user for each service with only its role, made on first request for each pair of
 * aliases (tests use aliases of their own).
 */
public final class ElasticsearchAccess {

    /** Creates a service's user and its role on the server, and returns once the server accepts them. */
    interface ServiceUsers {

        ElasticsearchCredentials create(ElasticsearchAccess access, PipelineService service, String articles,
                String countries);
    }

    private final String url;

    private final Path caCertificate;

    private final ElasticsearchCredentials operator;

    private final ServiceUsers serviceUsers;

    private final Map<String, ElasticsearchCredentials> users = new ConcurrentHashMap<>();

    private final HttpClient http;

    ElasticsearchAccess(String url, Path caCertificate, ElasticsearchCredentials operator, ServiceUsers serviceUsers) {
        this.url = url;
        this.caCertificate = caCertificate;
        this.operator = operator;
        this.serviceUsers = serviceUsers;
        this.http = HttpClient.newBuilder()
            .sslContext(trusting(caCertificate))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    }

    /** {@code https://127.0.0.1:<port>} (or whatever address the server was given as). */
    public String url() {
        return this.url;
    }

    /** The PEM file of the CA that signed the server's certificate. */
    public Path caCertificate() {
        return this.caCertificate;
    }

    /** The superuser: for test fixtures and tools only, never for a service. */
    public ElasticsearchCredentials operator() {
        return this.operator;
    }

    /** The service's user for the default aliases. */
    public ElasticsearchCredentials user(PipelineService service) {
        return user(service, RoleTemplate.DEFAULT_ARTICLES, RoleTemplate.DEFAULT_COUNTRIES);
    }

    /** The service's user for these aliases, allowed nothing beyond them. */
    public ElasticsearchCredentials user(PipelineService service, String articlesAlias, String countriesAlias) {
        return this.users.computeIfAbsent(RoleTemplate.userName(service, articlesAlias, countriesAlias),
                (name) -> this.serviceUsers.create(this, service, articlesAlias, countriesAlias));
    }

    /**
     * The environment a service process reads: {@code ELASTICSEARCH_URL}, {@code ELASTICSEARCH_USERNAME},
     * {@code ELASTICSEARCH_PASSWORD}, {@code ELASTICSEARCH_CA}.
     */
    public Map<String, String> environment(ElasticsearchCredentials credentials) {
        return Map.of("ELASTICSEARCH_URL", this.url, "ELASTICSEARCH_USERNAME", credentials.username(),
                "ELASTICSEARCH_PASSWORD", credentials.password(), "ELASTICSEARCH_CA", this.caCertificate.toString());
    }

    /** The same as Spring properties ({@code elasticsearch.url}, ...), for a service started in a test's JVM. */
    public Map<String, String> properties(ElasticsearchCredentials credentials) {
        return Map.of("elasticsearch.url", this.url, "elasticsearch.username", credentials.username(),
                "elasticsearch.password", credentials.password(), "elasticsearch.ca", this.caCertificate.toString());
    }

    /** An HTTP client that trusts the server's CA. */
    public HttpClient http() {
        return this.http;
    }

    /** A request to the path as the operator. */
    public HttpRequest.Builder request(String path) {
        return request(path, this.operator);
    }

    /** A request to the path as the given user, or without credentials when null. */
    public HttpRequest.Builder request(String path, ElasticsearchCredentials as) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json");
        return as == null ? request : request.header("Authorization", authorization(as));
    }

    /** Sends the request and returns the answer, whatever its status. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch at " + this.url + " did not answer " + request, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The {@code Authorization} header's value for the user. */
    public static String authorization(ElasticsearchCredentials credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** A TLS context whose only trust anchor is the CA (the services build theirs in pipeline-connections). */
    static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException("Could not trust the CA certificate " + pem + ": " + ex.getMessage(), ex);
        }
    }
}
