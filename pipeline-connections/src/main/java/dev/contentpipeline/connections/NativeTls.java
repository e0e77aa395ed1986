package dev.contentpipeline.connections;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS to Elasticsearch by BoringSSL (netty-tcnative's static build, a JNI library inside a jar) instead of the JDK's
 * own TLS: a {@link SSLContext} whose engines are BoringSSL's, for HttpClient, which needs nothing but engines. The
 * JDK's code encrypts in Java, and the services run most of their code on C1, which has none of C2's AES intrinsics:
 * one core sealed 16 KB records at about 40 MB/s with AES-GCM and 190 MB/s with ChaCha20-Poly1305 there, and BoringSSL
 * at 2,600 to 2,900 MB/s (README, round 45); index-service spent about two fifths of its CPU encrypting bulk bodies.
 * <p>
 * BoringSSL offers TLS 1.3 with AES-GCM first, then TLS 1.2; TLS 1.3's suites cannot be chosen with it, so a client
 * that must offer given suites ({@code elasticsearch.tls-cipher-suites}) keeps the JDK's TLS. The engines check the
 * server's certificate against the same trust managers as the JDK's would and its name (HTTPS's rules), and
 * HttpClient checks the name again after the handshake, as it does with the JDK's engines.
 */
final class NativeTls {

    private static final Logger log = LoggerFactory.getLogger(NativeTls.class);

    /** Buffers for copying what HttpClient hands the engine in and out of native memory, freed after each call. */
    private static final ByteBufAllocator BUFFERS = UnpooledByteBufAllocator.DEFAULT;

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
            return this.context.newEngine(BUFFERS);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return this.context.newEngine(BUFFERS, host, port);
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
