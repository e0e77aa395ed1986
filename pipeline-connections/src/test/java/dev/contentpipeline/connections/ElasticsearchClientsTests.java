package dev.contentpipeline.connections;

import com.sun.net.httpserver.HttpServer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The low-level client's credentials and headers, against a stub server that records what it was sent. */
class ElasticsearchClientsTests {

    private HttpServer server;

    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private final List<String> cookies = new CopyOnWriteArrayList<>();

    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            cookies.add(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
            boolean refused = exchange.getRequestURI().getPath().equals("/refused");
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Set-Cookie", "session=1; Path=/");
            if (refused) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            }
            exchange.sendResponseHeaders(refused ? 401 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyRequestCarriesTheCredentialsUpFrontAndNoCookie() throws IOException {
        try (RestClient client = ElasticsearchClients.restClient(ElasticsearchSettings.of(url, "ingest", "s3cret", null))) {
            for (int i = 0; i < 3; i++) {
                Response response = client.performRequest(new Request("GET", "/articles/_doc/" + i));
                assertThat(response.getStatusLine().getStatusCode()).isEqualTo(200);
            }
        }

        assertThat(authorizations).containsExactly("Basic aW5nZXN0OnMzY3JldA==", "Basic aW5nZXN0OnMzY3JldA==",
                "Basic aW5nZXN0OnMzY3JldA==");
        assertThat(cookies).containsOnly("null");
    }

    @Test
    void aRefusedRequestIsAnsweredOnceNotRetried() throws IOException {
        try (RestClient client = ElasticsearchClients.restClient(ElasticsearchSettings.of(url, "ingest", "wrong", null))) {
            assertThatThrownBy(() -> client.performRequest(new Request("GET", "/refused")))
                    .isInstanceOf(ResponseException.class).hasMessageContaining("401");
        }

        assertThat(authorizations).containsExactly("Basic aW5nZXN0Ondyb25n");
    }

    @Test
    void withoutCredentialsNoneAreSent() throws IOException {
        try (RestClient client = ElasticsearchClients.restClient(ElasticsearchSettings.of(url, null, null, null))) {
            client.performRequest(new Request("GET", "/"));
        }

        assertThat(authorizations).containsExactly("null");
    }
}
