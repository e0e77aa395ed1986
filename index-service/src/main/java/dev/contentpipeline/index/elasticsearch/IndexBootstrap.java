package dev.contentpipeline.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.connections.ElasticsearchSettings;
import dev.contentpipeline.model.IndexDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates each type's versioned index behind its alias when absent, from the JSON definitions, before any
 * listener starts. The work begins on a thread of its own as soon as the bean is made, so Elasticsearch creates a new
 * index (about 3 s on two busy cores) while the rest of the application context starts; the bean's lifecycle start,
 * ahead of the listener containers' and the web server's, waits for it and fails the start-up if it failed.
 */
@Component
class IndexBootstrap implements InitializingBean, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);

    private final ElasticsearchClient client;
    private final ElasticsearchSettings settings;
    private final ContentNames.Aliases aliases;
    private CompletableFuture<Void> ensured;
    private volatile boolean running;

    IndexBootstrap(ElasticsearchClient client, ElasticsearchSettings settings, ContentNames names) {
        this.client = client;
        this.settings = settings;
        this.aliases = names.aliases();
    }

    @Override
    public void afterPropertiesSet() {
        ensured = CompletableFuture.runAsync(() -> {
            awaitElasticsearch(settings.startupTimeout());
            ensure(IndexDefinition.ARTICLES, aliases.articles());
            ensure(IndexDefinition.COUNTRIES, aliases.countries());
        }, work -> {
            Thread thread = new Thread(work, "index-bootstrap");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits until the indices and aliases are there; throws what made them fail. */
    @Override
    public void start() {
        try {
            ensured.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers and the web server, which start in the last phases. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void ensure(IndexDefinition definition, String alias) {
        String index = definition.physicalName(alias);
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                return;
            }
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index).withJson(new StringReader(definition.json())));
                log.info("Created index {}", index);
            }
            client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
            log.info("Alias {} -> {}", alias, index);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not create index " + index + ": " + e.getMessage(), e);
        }
    }

    private void awaitElasticsearch(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                client.cluster().health(h -> h.waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow)
                        .timeout(t -> t.time("5s")));
                return;
            } catch (IOException | ElasticsearchException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(settings + " did not answer within " + timeout + ": "
                            + e.getMessage(), e);
                }
                if (e instanceof ElasticsearchException refused && (refused.status() == 401 || refused.status() == 403)) {
                    throw new IllegalStateException(settings + " refused the request (" + refused.status() + "): "
                            + "check ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD and the user's roles", e);
                }
                log.info("Waiting for {}: {}", settings, e.getMessage());
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }
}
