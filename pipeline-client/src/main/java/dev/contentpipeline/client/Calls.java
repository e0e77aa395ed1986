package dev.contentpipeline.client;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The HTTP both clients share: one pooled HTTP/1.1 client, a base address, and an answer for every request.
 *
 * <p>Apache HttpClient's classic (blocking) client rather than the JDK's: against ingest-service the JDK's cost its
 * caller 1.3 to 2.0 ms of CPU per single PUT at 500 a second and 2.4 to 2.6 at 100, this one 0.3 to 0.4 and 1.0 to
 * 1.25 (README, round 25). An asynchronous call runs a blocking one on a pool of daemon threads, as many as the
 * connections. The timeout is the longest wait for the answer's next bytes.
 */
final class Calls {

    /** Connections kept to one service; also the threads that send the asynchronous calls. */
    static final int CONNECTIONS = 128;

    private static final CloseableHttpClient http = PooledHttp.client(CONNECTIONS, CONNECTIONS, null);

    private static final ExecutorService async = PooledHttp.callers(CONNECTIONS, "pipeline-client");

    private final String baseUrl;

    private final RequestConfig config;

    Calls(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.config = RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build();
    }

    String baseUrl() {
        return this.baseUrl;
    }

    /** A request to the service: method, path and query, headers, and a body with its type (or none). */
    Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body, String contentType) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(this.baseUrl + pathAndQuery));
        request.setConfig(this.config);
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setHeader("Content-Type", contentType);
            request.setEntity(new ByteArrayEntity(body, null));
        }
        try {
            return http.execute(request, Calls::answer);
        }
        catch (IOException ex) {
            return Answer.none(reason(ex));
        }
    }

    /** Completes with the answer, or with status 0 when none came; never exceptionally. */
    CompletableFuture<Answer> sendAsync(String method, String pathAndQuery, Map<String, String> headers, byte[] body,
            String contentType) {
        return CompletableFuture.supplyAsync(() -> send(method, pathAndQuery, headers, body, contentType), async);
    }

    private static Answer answer(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), (name) -> new ArrayList<>()).add(header.getValue());
        }
        // the services answer in UTF-8
        String body = (response.getEntity() != null)
                ? new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8) : "";
        return new Answer(response.getCode(), HttpHeaders.of(headers, (name, value) -> true), body);
    }

    /** A refused connection as the JDK names it ({@code java.net.ConnectException: ...}), without the wrapper. */
    private static Throwable reason(IOException failure) {
        if (failure instanceof ConnectException && failure.getClass() != ConnectException.class) {
            ConnectException plain = new ConnectException(failure.getMessage());
            plain.initCause(failure);
            return plain;
        }
        return failure;
    }

    /** An id as one path segment: a space or a slash in it cannot change the path. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
