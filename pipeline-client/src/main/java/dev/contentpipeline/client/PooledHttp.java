package dev.contentpipeline.client;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way this project builds an HTTP client for its own tools: pipeline-client's calls and the benchmark's go
 * through a client made here, so the two cannot drift apart. Apache HttpClient's classic (blocking) client over
 * pooled, kept-alive HTTP/1.1 connections, and a pool of threads that runs blocking calls for callers who want an
 * answer later.
 */
public final class PooledHttp {

    private PooledHttp() {
    }

    /**
     * A client keeping up to {@code perRoute} connections to one server and {@code total} in all. It connects within
     * 5 s, checks a connection idle for a second before using it again (the server may have closed it), closes
     * connections idle for 30 s, and, as the JDK's client, neither retries, follows redirects, keeps cookies nor asks
     * for compression.
     *
     * @param tls whose trusted certificates HTTPS connections check, or null for the JDK's defaults
     */
    public static CloseableHttpClient client(int perRoute, int total, SSLContext tls) {
        if (perRoute < 1 || total < perRoute) {
            throw new IllegalArgumentException("need 1 <= perRoute <= total; got perRoute " + perRoute + ", total "
                    + total);
        }
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnPerRoute(perRoute)
            .setMaxConnTotal(total)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofSeconds(5))
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build());
        if (tls != null) {
            connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        return HttpClients.custom()
            .setConnectionManager(connections.build())
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableContentCompression()
            .build();
    }

    /**
     * Up to {@code threads} daemon threads named {@code <name>-<n>} that run blocking calls; more calls wait in
     * line. A thread idle for 30 s ends, so an idle process keeps none.
     */
    public static ExecutorService callers(int threads, String name) {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), (task) -> {
                    Thread thread = new Thread(task, name + "-" + made.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
