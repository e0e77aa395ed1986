package dev.contentpipeline.ingest.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.contentpipeline.ingest.IngestProperties;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One thread-safe client over the low-level REST client, with short timeouts: ingest only reads versions, and a
 * slow Elasticsearch must not hold a write's answer longer than its wait allows.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClientTransport elasticsearchTransport(IngestProperties properties) {
        IngestProperties.Elasticsearch es = properties.elasticsearch();
        RestClient restClient = RestClient.builder(HttpHost.create(es.url()))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) es.connectTimeout().toMillis())
                        .setSocketTimeout((int) es.socketTimeout().toMillis()))
                .build();
        return new RestClientTransport(restClient, new JacksonJsonpMapper());
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClientTransport transport) {
        return new ElasticsearchClient(transport);
    }
}
