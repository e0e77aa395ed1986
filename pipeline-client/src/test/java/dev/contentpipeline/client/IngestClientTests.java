package dev.contentpipeline.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The requests the client sends, as a real HTTP server (the JDK's) receives them, and how it reads the answers. */
class IngestClientTests {

    /** One request as received: method, raw path and query, the headers that matter here, the body. */
    record Received(String method, String path, String authorization, String contentType, String requestId,
            String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** The client ports the requests came from: one per connection. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    private final ExecutorService handlers = Executors.newFixedThreadPool(8);

    /** Holds the answers to {@code /api/articles/slow...} until the test is over. */
    private final CountDownLatch slowAnswers = new CountDownLatch(1);

    private HttpServer server;

    private IngestClient ingest;

    @BeforeEach
    void startServer() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        this.server.setExecutor(this.handlers);
        this.server.createContext("/", (exchange) -> {
            URI uri = exchange.getRequestURI();
            this.connections.add(exchange.getRemoteAddress().getPort());
            if (uri.getPath().startsWith("/api/articles/slow")) {
                awaitTheEnd();
            }
            this.received.add(new Received(exchange.getRequestMethod(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("X-Request-Id"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = "{\"version\":42}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Retry-After", "3");
            exchange.sendResponseHeaders(202, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        this.server.start();
        this.ingest = new IngestClient("http://127.0.0.1:" + this.server.getAddress().getPort() + "/", "k3y");
    }

    @AfterEach
    void stopServer() {
        this.slowAnswers.countDown();
        this.server.stop(0);
        this.handlers.shutdownNow();
    }

    @Test
    void putSendsTheKeyAndTheJsonToTheRecordsPathWithItsIdAsOneSegment() {
        Answer answer = this.ingest.put(IngestClient.Kind.ARTICLES, "a b/c", "{}", "?wait=searchable");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.version()).isEqualTo(42);
        assertThat(answer.retryAfter()).hasValue(Duration.ofSeconds(3));
        assertThat(this.received).containsExactly(new Received("PUT", "/api/articles/a%20b%2Fc?wait=searchable",
                "Bearer k3y", "application/json", null, "{}"));
    }

    @Test
    void withHeaderAddsAHeaderToEveryRequestOfTheNewClientOnly() throws Exception {
        this.ingest.withHeader("X-Request-Id", "r-1").delete(IngestClient.Kind.COUNTRIES, "BY");
        this.ingest.putAsync(IngestClient.Kind.COUNTRIES, "BY", "{}").get();

        assertThat(this.received).extracting(Received::method, Received::path, Received::authorization,
                Received::requestId)
            .containsExactly(tuple("DELETE", "/api/countries/BY", "Bearer k3y", "r-1"),
                    tuple("PUT", "/api/countries/BY", "Bearer k3y", null));
    }

    @Test
    void bulkSendsNdjsonAndStatusAsksForTheRecordsStatus() {
        this.ingest.bulk("{}\n".getBytes(StandardCharsets.UTF_8));
        this.ingest.status("country", "BY");

        assertThat(this.received).extracting(Received::method, Received::path, Received::contentType)
            .containsExactly(tuple("POST", "/api/bulk", "application/x-ndjson"),
                    tuple("GET", "/api/status/country/BY", null));
    }

    @Test
    void noAnswerIsStatusZeroWithTheReasonAsItsBody() throws Exception {
        this.server.stop(0);

        Answer answer = this.ingest.put(IngestClient.Kind.ARTICLES, "a", "{}");
        Answer later = this.ingest.putAsync(IngestClient.Kind.ARTICLES, "a", "{}").get();

        assertThat(answer.status()).isZero();
        assertThat(answer.body()).startsWith("no answer: java.net.ConnectException");
        assertThat(answer.json().isMissingNode()).isTrue();
        assertThat(answer.retryAfter()).isEmpty();
        assertThat(later.status()).isZero();
    }

    @Test
    void aRetryAfterGivenAsADateReadsAsAbsent() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("Wed, 21 Oct 2026 07:28:00 GMT")),
                (name, value) -> true);

        assertThat(new Answer(503, headers, "").retryAfter()).isEmpty();
    }

    @Test
    void aLoadArticleIsJsonWhateverItsTitle() {
        String article = PutLoad.article("A \"quoted\" title", "tag");

        assertThat(JsonMapper.shared().readTree(article).path("title").asString()).isEqualTo("A \"quoted\" title");
    }

    @Test
    void putsOneAfterAnotherShareOneConnection() {
        for (int n = 0; n < 10; n++) {
            assertThat(this.ingest.put(IngestClient.Kind.ARTICLES, "a-" + n, "{}").status()).isEqualTo(202);
        }

        assertThat(this.received).hasSize(10);
        assertThat(this.connections).hasSize(1);
    }

    @Test
    void manyPutsAtOnceEachGetTheirAnswer() {
        List<CompletableFuture<Answer>> answers = IntStream.range(0, 300)
            .mapToObj((n) -> this.ingest.putAsync(IngestClient.Kind.ARTICLES, "a-" + n, "{\"n\":" + n + "}"))
            .toList();

        assertThat(answers).allSatisfy((answer) -> assertThat(answer.join().version()).isEqualTo(42));
        assertThat(this.received).extracting(Received::path)
            .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 300).mapToObj((n) -> "/api/articles/a-" + n).toList());
        assertThat(this.connections).hasSizeLessThanOrEqualTo(Calls.CONNECTIONS);
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsStatusZero() {
        IngestClient impatient = new IngestClient(this.ingest.baseUrl(), "k3y", Duration.ofSeconds(1));

        long start = System.nanoTime();
        Answer answer = impatient.put(IngestClient.Kind.ARTICLES, "slow", "{}");

        assertThat(answer.status()).isZero();
        assertThat(answer.body()).startsWith("no answer: ").containsIgnoringCase("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_900));
    }

    private void awaitTheEnd() {
        try {
            this.slowAnswers.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
