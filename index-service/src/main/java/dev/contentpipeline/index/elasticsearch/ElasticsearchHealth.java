package dev.contentpipeline.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

@Component("elasticsearch")
class ElasticsearchHealth extends AbstractHealthIndicator {

    private final ElasticsearchClient client;

    ElasticsearchHealth(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health = client.cluster().health();
        String status = health.status().jsonValue();
        (("red".equals(status)) ? builder.down() : builder.up())
                .withDetail("cluster", health.clusterName())
                .withDetail("status", status);
    }
}
