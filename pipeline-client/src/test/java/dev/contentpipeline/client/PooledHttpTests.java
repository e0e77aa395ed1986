package dev.contentpipeline.client;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client and the callers both pipeline-client and the benchmark use, against the JDK's HTTP server. */
class PooledHttpTests {

    /** The headers each request arrived with that the client must not send: Cookie and Accept-Encoding. */
    private final List<String> unwanted = new CopyOnWriteArrayList<>();

    private final AtomicInteger requests = new AtomicInteger();

    /** The client ports the requests came from: one per connection. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    private HttpServer server;

    private String base;

    @BeforeEach
    void startServer() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        this.server.createContext("/", (exchange) -> {
            this.requests.incrementAndGet();
            this.connections.add(exchange.getRemoteAddress().getPort());
            for (String name : List.of("Cookie", "Accept-Encoding")) {
                if (exchange.getRequestHeaders().containsKey(name)) {
                    this.unwanted.add(name + ": " + exchange.getRequestHeaders().getFirst(name));
                }
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/drop")) {
                // no answer at all: the client must report it rather than send the request again
                exchange.close();
                return;
            }
            if (path.equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
            }
            exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
            byte[] body = path.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.equals("/moved") ? 302 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        this.server.start();
        this.base = "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        this.server.stop(0);
    }

    @Test
    void keepsOneConnectionAndNeitherFollowsRedirectsNorKeepsCookiesNorAsksForCompression() throws IOException {
        try (CloseableHttpClient client = PooledHttp.client(4, 8, null)) {
            for (int i = 0; i < 10; i++) {
                assertThat(get(client, "/moved")).isEqualTo("302 /moved");
                assertThat(get(client, "/plain")).isEqualTo("200 /plain");
            }
        }
        assertThat(this.requests).hasValue(20);
        assertThat(this.connections).hasSize(1);
        assertThat(this.unwanted).isEmpty();
    }

    @Test
    void aRequestWithoutAnAnswerIsReportedNotSentAgain() throws IOException {
        try (CloseableHttpClient client = PooledHttp.client(1, 1, null)) {
            assertThatThrownBy(() -> get(client, "/drop")).isInstanceOf(IOException.class);
        }
        assertThat(this.requests).hasValue(1);
    }

    @Test
    void refusesAPoolSmallerPerServerThanOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> PooledHttp.client(0, 8, null));
        assertThatIllegalArgumentException().isThrownBy(() -> PooledHttp.client(8, 4, null))
            .withMessageContaining("perRoute 8, total 4");
    }

    @Test
    void callersAreNamedDaemonThreadsAndNoMoreRunAtOnceThanAsked() throws Exception {
        ExecutorService callers = PooledHttp.callers(3, "test-callers");
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Future<Boolean>> calls = IntStream.range(0, 9).mapToObj((i) -> callers.submit(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            names.add(Thread.currentThread().getName());
            started.countDown();
            boolean daemon = Thread.currentThread().isDaemon();
            release.await(10, TimeUnit.SECONDS);
            running.decrementAndGet();
            return daemon;
        })).toList();
        assertThat(started.await(10, TimeUnit.SECONDS)).as("three calls running").isTrue();
        assertThat(running).hasValue(3);
        release.countDown();
        for (Future<Boolean> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS)).as("daemon").isTrue();
        }
        callers.shutdown();
        assertThat(most.get()).isEqualTo(3);
        assertThat(names).containsExactlyInAnyOrder("test-callers-1", "test-callers-2", "test-callers-3");
    }

    private String get(CloseableHttpClient client, String path) throws IOException {
        return client.execute(new HttpGet(this.base + path),
                (response) -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));
    }
}
