package dev.contentpipeline.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.contentpipeline.search.SearchProperties;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One thread-safe client over the low-level REST client (the 8.19 client speaks to an 8.19 server). */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    /**
     * Searches in flight at once. The client's default, ten, made searches queue inside search-service as soon as
     * Elasticsearch slowed down: at 20 queries/s over a loaded machine, search-service's median was 1.7 times that
     * of the same requests sent straight to Elasticsearch.
     */
    static final int MAX_CONNECTIONS = 100;

    @Bean(destroyMethod = "close")
    RestClientTransport elasticsearchTransport(SearchProperties properties) {
        SearchProperties.Elasticsearch es = properties.elasticsearch();
        RestClient restClient = RestClient.builder(HttpHost.create(es.url()))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) es.connectTimeout().toMillis())
                        .setSocketTimeout((int) es.socketTimeout().toMillis()))
                .setHttpClientConfigCallback(http -> http
                        .setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS))
                .build();
        return new RestClientTransport(restClient, new JacksonJsonpMapper());
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClientTransport transport) {
        return new ElasticsearchClient(transport);
    }
}
