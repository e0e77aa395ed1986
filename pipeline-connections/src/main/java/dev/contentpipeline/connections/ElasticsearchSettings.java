package dev.contentpipeline.connections;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How a service reaches Elasticsearch; every service reads the same settings ({@code ELASTICSEARCH_URL},
 * {@code ELASTICSEARCH_USERNAME}, {@code ELASTICSEARCH_PASSWORD}, {@code ELASTICSEARCH_CA}, ...).
 *
 * @param url one node's address, or several separated by commas; the client spreads requests over them and
 *        skips a node that stopped answering
 * @param username the service's own user; with none, requests carry no credentials (a server with security on
 *        answers 401, which the health check reports)
 * @param password that user's password
 * @param ca a PEM file holding the certificate authority that signed the server's certificate, for
 *        {@code https://} addresses; without it the JVM's default trust store applies
 * @param tlsCipherSuites the TLS cipher suites the client offers on {@code https://} connections, by their JSSE names
 *        ({@code ELASTICSEARCH_TLS_CIPHER_SUITES}, separated by commas), over the JDK's TLS; empty, the client's TLS is
 *        BoringSSL's ({@link NativeTls}: TLS 1.3 with AES-GCM first, then TLS 1.2), or the JDK's with its defaults where
 *        BoringSSL does not load. BoringSSL cannot be told TLS 1.3's suites, hence the JDK's TLS for a given list; on
 *        C1 the JDK's encrypts ChaCha20-Poly1305 at about 190 MB/s and AES-GCM at 40 (README, round 45)
 * @param connectTimeout how long a connection may take to open
 * @param socketTimeout how long a request may wait for its answer
 * @param maxConnections requests in flight at once, over all nodes
 * @param startupTimeout how long a service that needs Elasticsearch to start waits for it
 */
@Validated
@ConfigurationProperties("elasticsearch")
public record ElasticsearchSettings(
        @NotEmpty @DefaultValue("http://localhost:9200") List<URI> url,
        String username,
        String password,
        Path ca,
        @DefaultValue List<String> tlsCipherSuites,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration socketTimeout,
        @Min(1) @DefaultValue("100") int maxConnections,
        @NotNull @DefaultValue("120s") Duration startupTimeout) {

    public ElasticsearchSettings {
        if ((username == null || username.isBlank()) != (password == null || password.isEmpty())) {
            throw new IllegalArgumentException(
                    "Set both elasticsearch.username and elasticsearch.password (ELASTICSEARCH_USERNAME, "
                            + "ELASTICSEARCH_PASSWORD), or neither");
        }
        url = List.copyOf(url);
        tlsCipherSuites = tlsCipherSuites == null ? List.of()
                : tlsCipherSuites.stream().map(String::strip).filter(suite -> !suite.isEmpty()).toList();
    }

    /** Settings for one address and user, with the other values at their defaults. */
    public static ElasticsearchSettings of(String url, String username, String password, Path ca) {
        return new ElasticsearchSettings(List.of(URI.create(url)), username, password, ca, List.of(),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 100, Duration.ofSeconds(120));
    }

    /** The same settings with the client offering only these TLS cipher suites (empty: BoringSSL's choice). */
    public ElasticsearchSettings withTlsCipherSuites(List<String> suites) {
        return new ElasticsearchSettings(this.url, this.username, this.password, this.ca, suites, this.connectTimeout,
                this.socketTimeout, this.maxConnections, this.startupTimeout);
    }

    public boolean hasCredentials() {
        return this.username != null && !this.username.isBlank();
    }

    /** The addresses as one string, for messages. */
    public String addresses() {
        return String.join(",", this.url.stream().map(URI::toString).toList());
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "Elasticsearch " + addresses() + (hasCredentials() ? " as " + this.username : " without credentials")
                + (this.ca != null ? ", trusting " + this.ca : "")
                + (this.tlsCipherSuites.isEmpty() ? "" : ", offering " + String.join(",", this.tlsCipherSuites));
    }
}
