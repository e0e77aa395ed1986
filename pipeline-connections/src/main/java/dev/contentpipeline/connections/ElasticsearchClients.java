package dev.contentpipeline.connections;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.ConnectionConfig;
import org.apache.http.message.BasicHeader;
import org.apache.http.nio.conn.ssl.SSLIOSessionStrategy;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the one Elasticsearch client a process needs from {@link ElasticsearchSettings}: the services get it as a
 * bean; tests, tools and benchmarks call {@link #create(ElasticsearchSettings)} for a client of their own.
 */
public final class ElasticsearchClients {

    /**
     * Each connection's buffer for what it sends and receives, in bytes (HttpClient's default is 8 KB): a request body
     * goes out in chunks of at most this much, each sealed in TLS records of at most 16 KB, so that a bulk body fills
     * TLS's largest records (with {@link WholeBodyTransport}).
     */
    static final int CONNECTION_BUFFER = 32 * 1024;

    private ElasticsearchClients() {
    }

    /**
     * The same client (transport, connections, credentials) with the given timeouts on its requests instead of the
     * settings' ones: a search bounded by what is left of its request's time, a merge that may take many minutes.
     */
    public static ElasticsearchClient withRequestConfig(ElasticsearchClient client, RequestConfig config) {
        return client.withTransportOptions(options -> {
            ((RestClientOptions.Builder) options).restClientRequestOptionsBuilder().setRequestConfig(config);
            return options;
        });
    }

    /**
     * The same client, connecting within the settings' connect timeout, that waits up to {@code answer} for each
     * answer: for a request Elasticsearch answers only when its work is done, a force-merge with
     * {@code wait_for_completion}.
     */
    public static ElasticsearchClient waitingUpTo(ElasticsearchClient client, ElasticsearchSettings settings,
                                                  Duration answer) {
        return withRequestConfig(client, RequestConfig.custom()
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setSocketTimeout(Math.toIntExact(answer.toMillis())).build());
    }

    /** A client over a new low-level REST client; close it with {@code client._transport().close()}. */
    public static ElasticsearchClient create(ElasticsearchSettings settings) {
        return client(restClient(settings));
    }

    static ElasticsearchClient client(RestClient restClient) {
        return new ElasticsearchClient(new WholeBodyTransport(restClient, new JacksonJsonpMapper()));
    }

    /**
     * The low-level REST client: addresses, timeouts, the connection pool, credentials and CA trust. TLS is
     * BoringSSL's ({@link NativeTls}) unless the settings name the cipher suites to offer, or BoringSSL does not load
     * here: then the JDK's.
     */
    public static RestClient restClient(ElasticsearchSettings settings) {
        HttpHost[] hosts = settings.url().stream().map(ElasticsearchClients::host).toArray(HttpHost[]::new);
        TrustManagerFactory trust = settings.ca() == null ? null : trustManagers(settings.ca());
        SSLIOSessionStrategy tls;
        if (!settings.tlsCipherSuites().isEmpty()) {
            tls = offering(trust != null ? context(trust) : defaultContext(), settings.tlsCipherSuites());
        }
        else if (Arrays.stream(hosts).anyMatch(host -> "https".equalsIgnoreCase(host.getSchemeName()))) {
            tls = NativeTls.sessionStrategy(trust != null ? trust : defaultTrust()).orElse(null);
        }
        else {
            tls = null;
        }
        // The JDK's TLS with the CA only where neither of the above made a strategy: BoringSSL does not load here.
        SSLContext ssl = tls == null && trust != null ? context(trust) : null;
        var builder = RestClient.builder(hosts)
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setSocketTimeout((int) settings.socketTimeout().toMillis()))
                .setHttpClientConfigCallback(http -> {
                    http.setMaxConnTotal(settings.maxConnections()).setMaxConnPerRoute(settings.maxConnections());
                    // The credentials go in a default header, so HttpClient's auth cache is of no use, and it
                    // deserialises its cached scheme (Java serialisation) before every request; Elasticsearch sets
                    // no cookies. Without both, 0.43 to 0.45 ms of the caller's CPU per search instead of 0.51 to
                    // 0.53 (README, round 26).
                    http.disableAuthCaching().disableCookieManagement();
                    http.setDefaultConnectionConfig(ConnectionConfig.custom().setBufferSize(CONNECTION_BUFFER).build());
                    if (tls != null) {
                        http.setSSLStrategy(tls);
                    }
                    else if (ssl != null) {
                        http.setSSLContext(ssl);
                    }
                    return http;
                });
        if (settings.hasCredentials()) {
            // Sent up front: a challenge round trip per connection would double the first request's latency.
            builder.setDefaultHeaders(new BasicHeader[] {
                new BasicHeader(HttpHeaders.AUTHORIZATION, basic(settings.username(), settings.password())) });
        }
        return builder.build();
    }

    /** {@code Basic <base64(user:password)>}. */
    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Trust in the certificates of the PEM file (a CA), and only those. */
    static TrustManagerFactory trustManagers(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("No certificate in " + pem);
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            return trust;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the Elasticsearch CA certificate " + pem
                    + " (elasticsearch.ca, ELASTICSEARCH_CA)", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not a PEM certificate: " + pem + ": " + ex.getMessage(), ex);
        }
    }

    /** The JDK's TLS, trusting what {@code trust} trusts. */
    private static SSLContext context(TrustManagerFactory trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("This JVM has no TLS: " + ex.getMessage(), ex);
        }
    }

    /** The JVM's default trust store. */
    private static TrustManagerFactory defaultTrust() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            return trust;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("This JVM has no default trust store: " + ex.getMessage(), ex);
        }
    }

    /**
     * TLS over the context that offers only the given cipher suites, in that order, with the JVM's protocols and the
     * client's usual host name check; a suite this JVM does not know is refused here, not at the first connection.
     */
    static SSLIOSessionStrategy offering(SSLContext context, List<String> cipherSuites) {
        Set<String> known = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        List<String> unknown = cipherSuites.stream().filter(suite -> !known.contains(suite)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown TLS cipher suite " + String.join(",", unknown)
                    + " in elasticsearch.tls-cipher-suites (ELASTICSEARCH_TLS_CIPHER_SUITES); this JVM offers by "
                    + "default: "
                    + String.join(",", context.getDefaultSSLParameters().getCipherSuites()));
        }
        return new SSLIOSessionStrategy(context, null, cipherSuites.toArray(String[]::new),
                SSLIOSessionStrategy.getDefaultHostnameVerifier());
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("This JVM has no default TLS context: " + ex.getMessage(), ex);
        }
    }

    private static HttpHost host(URI url) {
        if (url.getHost() == null || url.getScheme() == null) {
            throw new IllegalArgumentException("Not an Elasticsearch address: '" + url
                    + "' (expected e.g. https://localhost:9200)");
        }
        return new HttpHost(url.getHost(), url.getPort() == -1 ? 9200 : url.getPort(), url.getScheme());
    }
}
