package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.ingest.IngestHttp;
import dev.contentpipeline.ingest.IngestIntegrationTestSupport;
import dev.contentpipeline.localstack.KafkaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import static dev.contentpipeline.ingest.IngestIntegrationTestSupport.WRITER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker of this test's own, stopped and started again, so the other tests keep theirs: a write is answered
 * 503 with Retry-After within the publish timeout, readiness goes down and comes back with the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BrokerDownIntegrationTests {

    private static KafkaServer broker;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> broker().bootstrapServers());
        registry.add("ingest.publish-timeout", () -> "2s");
        registry.add("ingest.bulk-publish-timeout", () -> "3s");
        registry.add("ingest.broker-check-timeout", () -> "1s");
        IngestIntegrationTestSupport.registerKeys(registry);
    }

    @LocalServerPort
    int port;

    private IngestHttp ingest;

    @BeforeEach
    void client() {
        ingest = new IngestHttp(port);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aWriteTheBrokerCannotTakeIs503WithinThePublishTimeoutAndReadinessFollowsTheBroker() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> put("/api/articles/before-the-outage").statusCode() == 202);
        assertThat(readiness()).isEqualTo(200);

        broker.stop();
        long start = System.nanoTime();
        HttpResponse<String> refused = put("/api/articles/during-the-outage");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(IngestHttp.json(refused).get("title").asString()).isEqualTo("Broker unavailable");
        assertThat(tookMs).as("answered within the publish timeout, plus a little").isLessThan(4_000);

        start = System.nanoTime();
        HttpResponse<String> bulk = ingest.send(ingest.request("/api/bulk", "application/x-ndjson", WRITER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type":"article","op":"delete","record":{"id":"bulk-outage-1"}}
                        {"type":"article","op":"delete","record":{"id":"bulk-outage-2"}}
                        {"type":"article","op":"delete","record":{"id":"Not An Id"}}""")));
        tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(bulk.statusCode()).isEqualTo(503);
        assertThat(bulk.headers().firstValue("Retry-After")).isPresent();
        assertThat(IngestHttp.json(bulk).get("unacknowledged").asInt()).isEqualTo(2);
        assertThat(IngestHttp.json(bulk).get("rejected").asInt()).isEqualTo(1);
        assertThat(tookMs).as("answered within the bulk publish timeout, plus a little").isLessThan(5_000);

        await().atMost(Duration.ofSeconds(10)).until(() -> readiness() == 503);
        assertThat(ingest.send(ingest.request("/actuator/health/liveness", null, null).GET()).statusCode())
                .isEqualTo(200);

        broker.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> put("/api/articles/after-the-outage").statusCode() == 202);
    }

    private HttpResponse<String> put(String path) throws Exception {
        return ingest.send("PUT", path, """
                {"title":"T","body":"B","publishedAt":"2026-01-01T00:00:00Z"}""");
    }

    private int readiness() throws Exception {
        return ingest.send(ingest.request("/actuator/health/readiness", null, null).GET()).statusCode();
    }

    private static synchronized KafkaServer broker() {
        if (broker == null) {
            try {
                broker = new KafkaServer(Files.createTempDirectory("ingest-broker-down"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker.start();
        }
        return broker;
    }
}
