package dev.contentpipeline.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's HTTP calls against a stub server that echoes what it was sent. */
class HttpTests {

    private HttpServer server;

    private String url;

    private final Set<String> peers = ConcurrentHashMap.newKeySet();

    private final CountDownLatch release = new CountDownLatch(1);

    /** The stub server's handler threads, ended with each test. */
    private final ExecutorService handlers = Executors.newFixedThreadPool(64);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/echo", this::echo);
        server.createContext("/slow", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "late");
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void sendsTheMethodHeadersAndBodyAndReadsStatusAndBody() {
        Http.Answer answer = Http.send(Http.request(url + "/echo?x=1", "application/x-ndjson",
                "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)).header("X-Probe", "yes"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("POST /echo?x=1 application/x-ndjson yes {\"a\":1}\n");
        assertThat(Http.get(url + "/echo").text()).isEqualTo("GET /echo null null ");
        assertThat(Http.delete(url + "/echo/7").text()).startsWith("DELETE /echo/7 ");
        assertThat(Http.put(url + "/echo", "{}").text()).isEqualTo("PUT /echo application/json null {}");
    }

    @Test
    void anErrorStatusIsAnAnswerUntilAskedToThrow() {
        Http.Answer answer = Http.get(url + "/echo?status=429");

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.ok()).isFalse();
        assertThatThrownBy(() -> answer.orThrow("Bulk request"))
                .hasMessageStartingWith("Bulk request answered 429: GET /echo?status=429");
    }

    @Test
    void requestsOneAfterAnotherShareOneConnection() {
        for (int i = 0; i < 20; i++) {
            Http.get(url + "/echo").orThrow("echo");
        }

        assertThat(peers).hasSize(1);
    }

    @Test
    void manyAsynchronousCallsAtOnceEachGetTheirAnswer() {
        List<CompletableFuture<Http.Answer>> calls = IntStream.range(0, 300)
                .mapToObj(i -> Http.sendAsync(Http.to("GET", url + "/echo?n=" + i))).toList();

        for (int i = 0; i < calls.size(); i++) {
            assertThat(calls.get(i).join().text()).startsWith("GET /echo?n=" + i + " ");
        }
    }

    @Test
    void anAnswerLaterThanTheTimeoutFailsTheCall() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> Http.send(Http.to("GET", url + "/slow").timeout(Duration.ofMillis(300))))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("GET " + url + "/slow: ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void nothingListeningFailsTheCallWithTheRequestInTheMessage() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String closed = "http://127.0.0.1:" + port + "/echo";

        assertThatThrownBy(() -> Http.get(closed)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("GET " + closed + ": ");
        assertThat(Http.sendAsync(Http.to("GET", closed))).failsWithin(Duration.ofSeconds(10));
    }

    /** Answers "METHOD path?query content-type x-probe body", with the status asked for in {@code status=}. */
    private void echo(HttpExchange exchange) throws IOException {
        peers.add(exchange.getRemoteAddress().toString());
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String text = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (query == null ? "" : "?" + query) + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                + " " + exchange.getRequestHeaders().getFirst("X-Probe") + " " + body;
        int status = query != null && query.startsWith("status=") ? Integer.parseInt(query.substring(7)) : 200;
        answer(exchange, status, text);
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
