package dev.contentpipeline.connections;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.elasticsearch.client.RestClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * One thread-safe Elasticsearch client per service, over the low-level REST client (the 8.19 client speaks to an
 * 8.19 server), and its health: {@code elasticsearch} is down whenever Elasticsearch cannot be used,
 * {@code elasticsearchAccess} only when configuration is at fault (credentials, TLS).
 */
@AutoConfiguration
@EnableConfigurationProperties({ ElasticsearchSettings.class, ContentNames.class })
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchSettings settings) {
        return ElasticsearchClients.restClient(settings);
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return ElasticsearchClients.client(restClient);
    }

    @Bean("elasticsearch")
    ElasticsearchHealth elasticsearchHealth(RestClient restClient, ElasticsearchSettings settings) {
        return new ElasticsearchHealth(restClient, settings, true);
    }

    @Bean("elasticsearchAccess")
    ElasticsearchHealth elasticsearchAccessHealth(RestClient restClient, ElasticsearchSettings settings) {
        return new ElasticsearchHealth(restClient, settings, false);
    }
}
