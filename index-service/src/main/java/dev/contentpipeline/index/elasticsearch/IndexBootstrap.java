package dev.contentpipeline.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.contentpipeline.index.IndexProperties;
import dev.contentpipeline.model.IndexDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Creates each type's versioned index behind its alias when absent, from the JSON definitions, before any
 * listener starts: a bean initialised during start-up, ahead of the listener containers' lifecycle.
 */
@Component
class IndexBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IndexBootstrap.class);

    private final ElasticsearchClient client;
    private final IndexProperties properties;

    IndexBootstrap(ElasticsearchClient client, IndexProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        awaitElasticsearch(properties.elasticsearch().startupTimeout());
        ensure(IndexDefinition.ARTICLES, properties.aliases().articles());
        ensure(IndexDefinition.COUNTRIES, properties.aliases().countries());
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
                    throw new IllegalStateException("Elasticsearch at " + properties.elasticsearch().url()
                            + " did not answer within " + timeout, e);
                }
                log.info("Waiting for Elasticsearch at {}: {}", properties.elasticsearch().url(), e.getMessage());
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }
}
