package dev.contentpipeline.connections;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The client's TLS, BoringSSL's ({@link NativeTls}) or, with {@code elasticsearch.tls-cipher-suites}, the JDK's offering
 * those suites, against an HTTPS stub server with a certificate made by the JDK's keytool, which records the suite
 * each request came over and the body it carried, and the TLS records a bulk body goes out in.
 */
class ElasticsearchTlsTests {

    private static final String CHACHA20 = "TLS_CHACHA20_POLY1305_SHA256";

    /** An answer of about 200 KB, which the server sends in TLS records of 16 KB of text each. */
    private static final String LARGE_ANSWER = "{\"took\":1,\"hits\":{\"hits\":[\""
            + "harbour lantern festival ".repeat(8_000) + "\"]}}";

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static SSLContext serverContext;

    private static Path ca;

    /** A certificate that signed nothing the server holds. */
    private static Path otherCa;

    private HttpsServer server;

    private final List<String> suites = new CopyOnWriteArrayList<>();

    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void certificate() throws Exception {
        Path keystore = dir.resolve("server.p12");
        ca = dir.resolve("ca.pem");
        selfSigned("server", "CN=localhost", keystore, ca);
        otherCa = dir.resolve("other.pem");
        selfSigned("other", "CN=127.0.0.1", dir.resolve("other.p12"), otherCa);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
    }

    /** A key pair for 127.0.0.1 in a new keystore, and its certificate as a PEM file (a CA of its own). */
    private static void selfSigned(String alias, String name, Path keystore, Path pem) throws Exception {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", name,
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(), "-storepass",
                new String(PASSWORD), "-file", pem.toString());
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    /** A server on the loopback address that accepts these suites (none: the JVM's defaults). */
    private String serve(String... accepted) throws IOException {
        return serve(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), accepted);
    }

    private String serve(InetSocketAddress address, String... accepted) throws IOException {
        server = HttpsServer.create(address, 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters parameters) {
                var ssl = serverContext.getDefaultSSLParameters();
                if (accepted.length > 0) {
                    ssl.setCipherSuites(accepted);
                }
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            suites.add(((HttpsExchange) exchange).getSSLSession().getCipherSuite());
            bodies.add(exchange.getRequestBody().readAllBytes());
            byte[] body = exchange.getRequestURI().getPath().startsWith("/large")
                    ? LARGE_ANSWER.getBytes(StandardCharsets.UTF_8)
                    : "{\"took\":1,\"errors\":false,\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void offersOnlyTheConfiguredSuites() throws IOException {
        var settings = ElasticsearchSettings.of(serve(), null, null, ca).withTlsCipherSuites(List.of(CHACHA20));
        try (RestClient client = ElasticsearchClients.restClient(settings)) {
            client.performRequest(new Request("GET", "/articles/_doc/1"));
        }

        assertThat(suites).containsExactly(CHACHA20);
    }

    @Test
    void withoutSuitesBoringSslEncryptsWithAesGcm() throws IOException {
        assertThat(NativeTls.available()).as("BoringSSL loads on Linux x86-64 and aarch64").isTrue();
        try (RestClient client = ElasticsearchClients.restClient(ElasticsearchSettings.of(serve(), null, null, ca))) {
            client.performRequest(new Request("GET", "/articles/_doc/1"));
            client.performRequest(new Request("GET", "/articles/_doc/2"));
        }

        assertThat(suites).hasSize(2);
        assertThat(suites.get(0)).isIn("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
        SSLEngine engine = NativeTls.clientContext(ElasticsearchClients.trustManagers(ca)).orElseThrow()
            .createSSLEngine("127.0.0.1", 9200);
        assertThat(engine.getClass().getName()).startsWith("io.netty.handler.ssl.").contains("OpenSsl");
        // SSLv2Hello is listed but never sent by BoringSSL (and HttpClient leaves out every SSL* name anyway).
        assertThat(engine.getEnabledProtocols()).contains("TLSv1.3", "TLSv1.2")
            .doesNotContain("SSLv3", "TLSv1", "TLSv1.1");
    }

    @Test
    void anAnswerInFullTlsRecordsIsReadWhole() {
        largeAnswer(List.of(CHACHA20));
    }

    /**
     * BoringSSL's engine asks for 16,384 bytes of decrypted text per read, and a full TLS 1.3 record holds 16,401:
     * with HttpCore's buffers of that size its I/O thread spun for good on the first answer over 16 KB.
     */
    @Test
    void boringSslReadsAnAnswerInFullTlsRecordsWhole() {
        largeAnswer(List.of());
    }

    private void largeAnswer(List<String> offered) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            var settings = ElasticsearchSettings.of(serve(), null, null, ca).withTlsCipherSuites(offered);
            try (RestClient client = ElasticsearchClients.restClient(settings)) {
                for (int i = 0; i < 3; i++) {
                    Response response = client.performRequest(new Request("GET", "/large/_search"));
                    assertThat(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8))
                        .isEqualTo(LARGE_ANSWER);
                }
            }
        });
        assertThat(suites).hasSize(3);
    }

    @Test
    void boringSslRefusesAServerItsCaDidNotSign() throws IOException {
        try (RestClient client = ElasticsearchClients.restClient(ElasticsearchSettings.of(serve(), null, null,
                otherCa))) {
            assertThatThrownBy(() -> client.performRequest(new Request("GET", "/articles/_doc/1")))
                .isInstanceOf(IOException.class);
        }

        assertThat(bodies).isEmpty();
    }

    @Test
    void aBulkBodyGoesOutInTheLargestTlsRecordsRatherThanOnePerLineAndDocument() throws Exception {
        bulkInTlsRecords(List.of(CHACHA20));
    }

    @Test
    void boringSslSendsABulkBodyInTheLargestTlsRecordsToo() throws Exception {
        bulkInTlsRecords(List.of());
    }

    private void bulkInTlsRecords(List<String> offered) throws Exception {
        serve(offered.toArray(String[]::new));
        String document = "{\"body\":\"" + "river market winter harbour ".repeat(180) + "\"}";
        try (RecordCounter relay = new RecordCounter(server.getAddress().getPort())) {
            var settings = ElasticsearchSettings.of("https://127.0.0.1:" + relay.port(), null, null, ca)
                .withTlsCipherSuites(offered);
            ElasticsearchClient client = ElasticsearchClients.create(settings);
            try {
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                for (int i = 0; i < 200; i++) {
                    String id = "a" + i;
                    bulk.operations(op -> op.index(index -> index.index("articles").id(id)
                        .document(BinaryData.of(document.getBytes(StandardCharsets.UTF_8),
                            ContentType.APPLICATION_JSON))));
                }
                client.bulk(bulk.build());
            }
            finally {
                client._transport().close();
            }
            String[] lines = new String(bodies.get(0), StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(400);
            for (int i = 0; i < 200; i++) {
                assertThat(lines[2 * i]).isEqualTo("{\"index\":{\"_id\":\"a" + i + "\",\"_index\":\"articles\"}}");
                assertThat(lines[2 * i + 1]).isEqualTo(document);
            }
            // About 1 MB: 64 records of 16 KB, and a few for the handshake's end, the request's head and the last
            // chunk, where the REST client's own entity sent 800 (a line, a newline, a document, a newline).
            assertThat(relay.applicationData()).hasSizeLessThanOrEqualTo(bodies.get(0).length / 16_000 + 5);
            assertThat(relay.applicationData().stream().mapToInt(Integer::intValue).max().orElseThrow())
                .isGreaterThan(16_000);
        }
    }

    /**
     * A TCP relay on the loopback address to a server, which reads the TLS record headers of what clients send
     * (a byte of content type, two of version, two of length) and keeps the length of each application data record.
     */
    private static final class RecordCounter implements AutoCloseable {

        private static final int APPLICATION_DATA = 23;

        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        private final List<Integer> applicationData = new CopyOnWriteArrayList<>();

        RecordCounter(int target) throws IOException {
            daemon(() -> {
                while (!listener.isClosed()) {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    daemon(() -> server.getInputStream().transferTo(client.getOutputStream()));
                    daemon(() -> relayRecords(client.getInputStream(), server.getOutputStream()));
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        List<Integer> applicationData() {
            return applicationData;
        }

        private void relayRecords(InputStream in, OutputStream out) throws IOException {
            byte[] header = new byte[5];
            int headerRead = 0;
            int payloadLeft = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int at = 0; at < read;) {
                    if (payloadLeft > 0) {
                        int skipped = Math.min(payloadLeft, read - at);
                        payloadLeft -= skipped;
                        at += skipped;
                        continue;
                    }
                    header[headerRead++] = buffer[at++];
                    if (headerRead == header.length) {
                        headerRead = 0;
                        payloadLeft = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                        if (header[0] == APPLICATION_DATA) {
                            applicationData.add(payloadLeft);
                        }
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
            out.close();
        }

        private interface Work {
            void run() throws IOException;
        }

        private static void daemon(Work work) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                }
                catch (IOException ended) {
                    // a connection or the listener closed
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    @Test
    void theHostNameIsStillChecked() throws IOException {
        hostNameChecked(List.of(CHACHA20));
    }

    @Test
    void boringSslChecksTheHostName() throws IOException {
        hostNameChecked(List.of());
    }

    private void hostNameChecked(List<String> offered) throws IOException {
        // Every address, so that localhost answers whether it is 127.0.0.1 or ::1 here.
        String url = serve(new InetSocketAddress(0)).replace("127.0.0.1", "localhost");
        var settings = ElasticsearchSettings.of(url, null, null, ca).withTlsCipherSuites(offered);
        try (RestClient client = ElasticsearchClients.restClient(settings)) {
            // The certificate names 127.0.0.1 only.
            assertThatThrownBy(() -> client.performRequest(new Request("GET", "/")))
                .isInstanceOf(IOException.class).hasMessageContaining("localhost");
        }
        assertThat(bodies).isEmpty();
    }

    @Test
    void aServerThatAcceptsNoneOfTheSuitesIsReportedWithTheSettingToCheck() throws Exception {
        // A TLS server socket, which answers a handshake it refuses with an alert, as Elasticsearch's does (the JDK's
        // HttpsServer only closes the connection).
        try (var refusing = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refusing.setEnabledCipherSuites(new String[] { "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384" });
            Thread server = new Thread(() -> {
                try (var socket = (SSLSocket) refusing.accept()) {
                    socket.startHandshake();
                }
                catch (IOException expected) {
                    // no suite in common
                }
            });
            server.start();
            var settings = ElasticsearchSettings.of("https://127.0.0.1:" + refusing.getLocalPort(), null, null, ca)
                .withTlsCipherSuites(List.of(CHACHA20));
            try (RestClient client = ElasticsearchClients.restClient(settings)) {
                Health health = new ElasticsearchHealth(client, settings, true).health(true);

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(String.valueOf(health.getDetails().get("error")))
                    .contains("TLS with Elasticsearch failed", "ELASTICSEARCH_TLS_CIPHER_SUITES", CHACHA20);
            }
            server.join(10_000);
        }
    }

    @Test
    void anUnknownSuiteIsRefusedWhenTheClientIsBuilt() {
        var settings = ElasticsearchSettings.of("https://127.0.0.1:9200", null, null, ca)
            .withTlsCipherSuites(List.of(CHACHA20, "TLS_CHACHA20_POLY1305"));

        assertThatIllegalArgumentException().isThrownBy(() -> ElasticsearchClients.restClient(settings))
            .withMessageContaining("Unknown TLS cipher suite TLS_CHACHA20_POLY1305 ")
            .withMessageContaining("ELASTICSEARCH_TLS_CIPHER_SUITES")
            .withMessageContaining(CHACHA20);
    }

    @Test
    void theSuitesAreReadFromTheEnvironmentSeparatedByCommas() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test", Map.of(
                "ELASTICSEARCH_TLS_CIPHER_SUITES", " TLS_CHACHA20_POLY1305_SHA256, TLS_AES_128_GCM_SHA256 ")));
        var settings = Binder.get(environment).bindOrCreate("elasticsearch", ElasticsearchSettings.class);

        assertThat(settings.tlsCipherSuites()).containsExactly(CHACHA20, "TLS_AES_128_GCM_SHA256");
        assertThat(Binder.get(new StandardEnvironment()).bindOrCreate("elasticsearch", ElasticsearchSettings.class)
            .tlsCipherSuites()).isEmpty();
        assertThat(settings.toString()).endsWith("offering " + CHACHA20 + ",TLS_AES_128_GCM_SHA256");
    }
}
