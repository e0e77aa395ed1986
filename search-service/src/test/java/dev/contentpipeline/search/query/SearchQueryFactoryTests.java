package dev.contentpipeline.search.query;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.search.SearchProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryFactoryTests {

    private final SearchQueryFactory factory = new SearchQueryFactory(new SearchProperties(
            new SearchProperties.Elasticsearch("http://localhost:9200", Duration.ofSeconds(1), Duration.ofSeconds(1)),
            new SearchProperties.Aliases("articles", "countries"), 10, 100));

    @Test
    void readersTextGoesIntoMultiMatchAsPlainText() {
        SearchRequest request = factory.build(new SearchRequestParams("cafe\" OR *:* AND title:(x", null, 2, 20));
        JsonNode json = render(request);

        JsonNode multiMatch = json.at("/query/bool/must/0/multi_match");
        assertThat(multiMatch.get("query").asString()).isEqualTo("cafe\" OR *:* AND title:(x");
        assertThat(multiMatch.get("fields").toString()).contains("title^3", "name^3", "aliases^2", "body");
        assertThat(json.at("/query/bool/filter/0/term/deleted/value").asBoolean()).isFalse();
        assertThat(json.get("from").asInt()).isEqualTo(20);
        assertThat(json.get("size").asInt()).isEqualTo(20);
        assertThat(json.at("/highlight/pre_tags/0").asString()).isEqualTo("<mark>");
        assertThat(json.at("/highlight/encoder").asString()).isEqualTo("html");
        assertThat(request.index()).containsExactly("articles", "countries");
    }

    @Test
    void typeNarrowsTheIndices() {
        assertThat(factory.build(new SearchRequestParams("x", ContentType.COUNTRY, 1, 10)).index())
                .containsExactly("countries");
        assertThat(factory.build(new SearchRequestParams("x", ContentType.ARTICLE, 1, 10)).index())
                .containsExactly("articles");
    }

    private static JsonNode render(SearchRequest request) {
        return JsonMapper.shared().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }
}
