package dev.contentpipeline.benchmarks;

import dev.contentpipeline.client.PooledHttp;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The benchmark's HTTP client for Elasticsearch, the services' actuators and the measured searches (HTTP/1.1,
 * kept-alive connections), with the few calls it makes: JSON in, JSON or bytes out. Servers are reached as a plain
 * client would; nothing here is tuned per target. The searches stay here rather than in pipeline-client's
 * SearchClient because they are measured side by side with the same searches sent straight to Elasticsearch, and
 * both sides must go through the same client. Publishing goes through pipeline-client's IngestClient.
 *
 * <p>Apache HttpClient's classic client, as pipeline-client uses: with the JDK's the benchmark's process spent two to
 * three times the CPU through the search phases (README, round 26), taken from the servers it measures on the same
 * two cores. An asynchronous call runs a blocking one on a pool of daemon threads, as many as the searches a load
 * keeps in flight.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.shared();

    /** Connections kept to one server; also the threads that send the asynchronous calls. */
    static final int CONNECTIONS = SearchLoad.MAX_IN_FLIGHT;

    private static final ExecutorService ASYNC = PooledHttp.callers(CONNECTIONS, "benchmark-http");

    private static volatile CloseableHttpClient client = client(null);

    /** Elasticsearch's address, and the operator's credentials sent to it (security is on). */
    private static volatile ElasticsearchAccess elasticsearch;

    /** The services' admin key, sent to their actuators. */
    private static volatile String adminKey;

    private Http() {
    }

    /** A response's status and body. */
    record Answer(int status, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Answer orThrow(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + " answered " + status + ": " + abbreviated(text()));
            }
            return this;
        }
    }

    /**
     * A request: method, URL, headers, a body (or null) and the longest wait for the answer's next bytes.
     * {@link #to} adds the credentials its server needs.
     */
    record Request(String method, String url, Map<String, String> headers, byte[] body, Duration timeout) {

        Request {
            headers = Map.copyOf(headers);
        }

        Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, url, more, body, timeout);
        }

        Request timeout(Duration longest) {
            return new Request(method, url, headers, body, longest);
        }

        /** The same request with this body, of this content type. */
        Request body(String contentType, byte[] bytes) {
            return new Request(method, url, headers, bytes, timeout).header("Content-Type", contentType);
        }

        @Override
        public String toString() {
            return method + " " + url;
        }
    }

    /** From now on requests to Elasticsearch trust its CA and carry the operator's credentials. */
    static synchronized void reach(ElasticsearchAccess access) {
        elasticsearch = access;
        CloseableHttpClient old = client;
        client = client(access.http().sslContext());
        old.close(CloseMode.GRACEFUL);
    }

    /** From now on requests to a service's actuator carry this key (scope admin). */
    static synchronized void actuatorKey(String key) {
        adminKey = key;
    }

    /**
     * A request to the URL, waiting up to 120 s for the answer; to Elasticsearch with the operator's credentials, to
     * an actuator with the admin key.
     */
    static Request to(String method, String url) {
        Request request = new Request(method, url, Map.of(), null, Duration.ofSeconds(120));
        ElasticsearchAccess access = elasticsearch;
        if (access != null && url.startsWith(access.url())) {
            return request.header("Authorization", ElasticsearchAccess.authorization(access.operator()));
        }
        if (adminKey != null && url.contains("/actuator/") && !url.contains("/actuator/health")) {
            return request.header("Authorization", "Bearer " + adminKey);
        }
        return request;
    }

    static Answer get(String url) {
        return send(to("GET", url));
    }

    static Answer delete(String url) {
        return send(to("DELETE", url));
    }

    static Answer put(String url, String json) {
        return send(to("PUT", url).body("application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    static Answer post(String url, String contentType, byte[] body) {
        return send(request(url, contentType, body));
    }

    static Request request(String url, String contentType, byte[] body) {
        return to("POST", url).body(contentType, body);
    }

    static Answer send(Request request) {
        HttpUriRequestBase call = new HttpUriRequestBase(request.method(), URI.create(request.url()));
        call.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(request.timeout())).build());
        request.headers().forEach(call::setHeader);
        if (request.body() != null) {
            call.setEntity(new ByteArrayEntity(request.body(), null));
        }
        try {
            return client.execute(call, Http::answer);
        } catch (IOException e) {
            throw new UncheckedIOException(request + ": " + e.getMessage(), e);
        }
    }

    /** Completes with the answer, or exceptionally when none came. */
    static CompletableFuture<Answer> sendAsync(Request request) {
        return CompletableFuture.supplyAsync(() -> send(request), ASYNC);
    }

    static String abbreviated(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + " ...";
    }

    private static Answer answer(ClassicHttpResponse response) throws IOException {
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new Answer(response.getCode(), body);
    }

    /** Pooled as pipeline-client's calls are; trusting this context's CAs if not null. */
    private static CloseableHttpClient client(SSLContext tls) {
        return PooledHttp.client(CONNECTIONS, CONNECTIONS * 2, tls);
    }
}
