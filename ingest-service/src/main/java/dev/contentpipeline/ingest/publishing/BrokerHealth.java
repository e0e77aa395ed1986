package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.ingest.IngestProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Part of readiness: an instance whose broker does not answer would only answer 503, so it should get no
 * traffic. Asks the broker to describe its cluster, within a bounded time.
 */
@Component("broker")
class BrokerHealth extends AbstractHealthIndicator {

    private final Admin admin;
    private final IngestProperties properties;

    BrokerHealth(Admin brokerAdmin, IngestProperties properties) {
        super("The Kafka broker did not answer");
        this.admin = brokerAdmin;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        long timeout = properties.brokerCheckTimeout().toMillis();
        int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
                .nodes().get(timeout, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("nodes", nodes);
    }
}
