package dev.contentpipeline.connections;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.apache.http.HttpHost;
import org.apache.http.nio.conn.ssl.SSLIOSessionStrategy;
import org.apache.http.nio.reactor.IOSession;
import org.apache.http.nio.reactor.ssl.PermanentSSLBufferManagementStrategy;
import org.apache.http.nio.reactor.ssl.SSLBufferManagementStrategy;
import org.apache.http.nio.reactor.ssl.SSLIOSession;
import org.apache.http.nio.reactor.ssl.SSLMode;
import org.apache.http.nio.reactor.ssl.SSLSetupHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to Elasticsearch by BoringSSL (netty-tcnative's static build, a JNI library inside a jar) instead of the JDK's
 * own TLS: a {@link SSLContext} whose engines are BoringSSL's, for HttpClient, which needs nothing but engines. The
 * JDK's code encrypts in Java, and the services run most of their code on C1, which has none of C2's AES intrinsics:
 * one core sealed 16 KB records at about 40 MB/s with AES-GCM and 190 MB/s with ChaCha20-Poly1305 there, and BoringSSL
 * at 2,600 to 2,900 MB/s (README, round 45); encrypting bulk bodies took 43 % of index-service's samples in Java code.
 * <p>
 * BoringSSL offers TLS 1.3 with AES-GCM first, then TLS 1.2; TLS 1.3's suites cannot be chosen with it, so a client
 * that must offer given suites ({@code elasticsearch.tls-cipher-suites}) keeps the JDK's TLS. The engines check the
 * server's certificate against the same trust managers as the JDK's would and its name (HTTPS's rules), and
 * HttpClient checks the name again after the handshake, as it does with the JDK's engines.
 * <p>
 * HttpCore sizes a connection's buffer for decrypted text once, from the engine's session before the handshake, and
 * never grows it. The JDK's engine asks for 16,676 bytes there, BoringSSL's for 16,384: a full TLS 1.3 record holds
 * 16,401 bytes after its header (the text, its content type and the tag), so BoringSSL's engine answered every such
 * record with BUFFER_OVERFLOW and the I/O thread spun on it for good (any answer over 16 KB from Elasticsearch).
 * {@link #sessionStrategy} therefore gives each connection buffers that hold at least {@link #RECORD} bytes.
 */
final class NativeTls {

    private static final Logger log = LoggerFactory.getLogger(NativeTls.class);

    /**
     * The most a TLS record can carry after its 5-byte header: 2^14 bytes of text and 2,048 of expansion (TLS 1.2's
     * limit, TLS 1.3's being 256), so a buffer of this size takes any record's text, whatever the engine says.
     */
    static final int RECORD = (1 << 14) + 2048;

    /** Buffers for copying what HttpClient hands the engine in and out of native memory, freed after each call. */
    private static final ByteBufAllocator NATIVE_COPIES = UnpooledByteBufAllocator.DEFAULT;

    private NativeTls() {
    }

    /** Whether BoringSSL loads on this platform and JVM. */
    static boolean available() {
        return OpenSsl.isAvailable();
    }

    /**
     * A TLS context for clients whose engines are BoringSSL's, trusting what {@code trust} trusts; empty, with a
     * warning naming the cause, where BoringSSL does not load here (the caller then keeps the JDK's TLS).
     */
    static Optional<SSLContext> clientContext(TrustManagerFactory trust) {
        if (!available()) {
            log.warn("TLS to Elasticsearch by the JDK: BoringSSL (netty-tcnative) does not load here: {}",
                    String.valueOf(OpenSsl.unavailabilityCause()));
            return Optional.empty();
        }
        try {
            SslContext context = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.OPENSSL)
                    .trustManager(trust)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .endpointIdentificationAlgorithm("HTTPS")
                    .build();
            return Optional.of(new EngineContext(context));
        }
        catch (SSLException ex) {
            throw new IllegalStateException("BoringSSL loaded but refused a client context: " + ex.getMessage(), ex);
        }
    }

    /**
     * HttpClient's TLS for connections to Elasticsearch by BoringSSL, checking the server's name by HttpClient's
     * default rules, with buffers of at least {@link #RECORD} bytes; empty where BoringSSL does not load here.
     */
    static Optional<SSLIOSessionStrategy> sessionStrategy(TrustManagerFactory trust) {
        return clientContext(trust).map(WholeRecords::new);
    }

    /**
     * {@link SSLIOSessionStrategy}'s upgrade with larger buffers: the same session, setup and name check
     * ({@link #verifySession}), only the buffers of {@link SSLIOSession}'s own strategy raised to {@link #RECORD}.
     */
    private static final class WholeRecords extends SSLIOSessionStrategy {

        /** HttpCore's own buffers (a connection's, kept while it is open), as SSLIOSession makes them by default. */
        private static final SSLBufferManagementStrategy CONNECTION_BUFFERS =
                new PermanentSSLBufferManagementStrategy();

        private final SSLContext context;

        WholeRecords(SSLContext context) {
            super(context, SSLIOSessionStrategy.getDefaultHostnameVerifier());
            this.context = context;
        }

        @Override
        public SSLIOSession upgrade(HttpHost host, IOSession session) throws IOException {
            SSLIOSession tls = new SSLIOSession(session, SSLMode.CLIENT, host, this.context, new SSLSetupHandler() {

                @Override
                public void initalize(SSLEngine engine) {
                    initializeEngine(engine);
                }

                @Override
                public void verify(IOSession verified, SSLSession tlsSession) throws SSLException {
                    verifySession(host, verified, tlsSession);
                }
            }, size -> CONNECTION_BUFFERS.constructBuffer(Math.max(size, RECORD)));
            session.setAttribute(SSLIOSession.SESSION_KEY, tls);
            tls.initialize();
            return tls;
        }
    }

    /** Engines only: HttpClient asks for nothing else. */
    private static final class EngineContext extends SSLContext {

        EngineContext(SslContext context) {
            super(new Engines(context), null, "TLS");
        }
    }

    private static final class Engines extends SSLContextSpi {

        private final SslContext context;

        Engines(SslContext context) {
            this.context = context;
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return this.context.newEngine(NATIVE_COPIES);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return this.context.newEngine(NATIVE_COPIES, host, port);
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return this.context.sessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return parameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return parameters();
        }

        private SSLParameters parameters() {
            SSLEngine engine = engineCreateSSLEngine();
            return new SSLParameters(engine.getEnabledCipherSuites(), engine.getEnabledProtocols());
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("Made with its trust managers; not to be initialised again");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw new UnsupportedOperationException("Engines only");
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("Engines only");
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw new UnsupportedOperationException("A client context");
        }
    }
}
