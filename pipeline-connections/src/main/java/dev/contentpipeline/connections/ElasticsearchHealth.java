package dev.contentpipeline.connections;

import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.io.IOException;
import java.net.ConnectException;

import javax.net.ssl.SSLException;

/**
 * Whether Elasticsearch answers and accepts this service's credentials ({@code _security/_authenticate}, which
 * any user may call). Refused credentials and failed TLS say which setting to check. With
 * {@code unreachableIsDown} false the indicator reports only what configuration can fix, so a service that
 * works without Elasticsearch (ingest's writes) stays ready through an outage yet not with wrong credentials.
 * Health details are not shown on the services' public ports, so each change of state is logged with its reason:
 * an error when Elasticsearch becomes unusable, once, and a line when it is usable again.
 */
class ElasticsearchHealth extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchHealth.class);

    private final RestClient client;

    private final ElasticsearchSettings settings;

    private final boolean unreachableIsDown;

    private volatile String lastError = "";

    ElasticsearchHealth(RestClient client, ElasticsearchSettings settings, boolean unreachableIsDown) {
        this.client = client;
        this.settings = settings;
        this.unreachableIsDown = unreachableIsDown;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("url", this.settings.addresses());
        String error;
        try {
            Response response = this.client.performRequest(new Request("GET", "/_security/_authenticate"));
            EntityUtils.consumeQuietly(response.getEntity());
            builder.up().withDetail("user", this.settings.hasCredentials() ? this.settings.username() : "(none)");
            error = "";
        }
        catch (ResponseException ex) {
            int status = ex.getResponse().getStatusLine().getStatusCode();
            error = refusal(status);
            builder.down().withDetail("status", status);
        }
        catch (SSLException ex) {
            error = "TLS with Elasticsearch failed (" + ex.getMessage() + "): check that ELASTICSEARCH_CA "
                    + "(elasticsearch.ca) names the CA that signed the server's certificate and that the address "
                    + "uses https://"
                    + (this.settings.tlsCipherSuites().isEmpty() ? "" : ", and that the server accepts one of the "
                            + "cipher suites of ELASTICSEARCH_TLS_CIPHER_SUITES (elasticsearch.tls-cipher-suites: "
                            + String.join(",", this.settings.tlsCipherSuites()) + ")");
            builder.down();
        }
        catch (IOException ex) {
            error = "Elasticsearch does not answer: " + describe(ex);
            (this.unreachableIsDown ? builder.down() : builder.up()).withDetail("error", error);
        }
        if (!error.isEmpty()) {
            builder.withDetail("error", error);
        }
        report(error);
    }

    private void report(String error) {
        if (!error.equals(this.lastError)) {
            if (error.isEmpty()) {
                log.info("{} answers again", this.settings);
            }
            else {
                log.error("{}: {}", this.settings, error);
            }
            this.lastError = error;
        }
    }

    private String refusal(int status) {
        if (status == 401) {
            return this.settings.hasCredentials()
                    ? "Elasticsearch refused the credentials of user '" + this.settings.username()
                            + "': check ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD"
                    : "Elasticsearch requires credentials: set ELASTICSEARCH_USERNAME and ELASTICSEARCH_PASSWORD";
        }
        if (status == 403) {
            return "User '" + this.settings.username() + "' may not authenticate: check its roles";
        }
        return "Elasticsearch answered " + status + " to an authentication check";
    }

    private static String describe(IOException ex) {
        if (ex instanceof ConnectException) {
            return "connection refused";
        }
        return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }
}
