package dev.contentpipeline.search.door;

import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchGateTests {

    @Test
    void aBodyWrittenAlreadyGoesWhereTheClientsMultiSearchGoes() {
        MsearchRequest request = MsearchRequest.of(m -> m.searches(SearchGate.item(SearchRequest.of(s -> s
                .index("articles", "countries").query(q -> q.matchAll(a -> a))))));

        assertThat(SearchGate.MULTI_SEARCH.method(null)).isEqualTo(MsearchRequest._ENDPOINT.method(request));
        assertThat(SearchGate.MULTI_SEARCH.requestUrl(null)).isEqualTo(MsearchRequest._ENDPOINT.requestUrl(request));
        assertThat(SearchGate.MULTI_SEARCH.queryParameters(null))
                .isEqualTo(MsearchRequest._ENDPOINT.queryParameters(request));
        assertThat(SearchGate.MULTI_SEARCH.headers(null)).isEqualTo(MsearchRequest._ENDPOINT.headers(request));
    }
}
