package dev.contentpipeline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.model.IndexDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The search API over indices laid out as the indexer lays them out, on a real Elasticsearch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchApiIntegrationTests {

    private static final String ARTICLES = "it-search-articles";
    private static final String COUNTRIES = "it-search-countries";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("search.elasticsearch.url", () -> Infrastructure.shared().elasticsearchUrl());
        registry.add("search.aliases.articles", () -> ARTICLES);
        registry.add("search.aliases.countries", () -> COUNTRIES);
    }

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient elasticsearch;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void indices() throws IOException {
        create(IndexDefinition.ARTICLES, ARTICLES);
        create(IndexDefinition.COUNTRIES, COUNTRIES);
        index(ARTICLES, "hegang-hot-pot", document("type", "article", "id", "hegang-hot-pot", "version", 2,
                "deleted", false, "title", "Hot pot against the Hegang winter",
                "summary", "Broth at thirty below.", "body", "In Hegang the <b>huoguo</b> simmers all winter.",
                "language", "en", "countries", List.of("CN"), "publishedAt", "2026-01-01T00:00:00Z",
                "updatedAt", "2026-01-01T00:00:00Z"));
        index(ARTICLES, "gone", Map.of("type", "article", "id", "gone", "version", 3, "deleted", true));
        index(COUNTRIES, "BY", document("type", "country", "id", "BY", "version", 1, "deleted", false,
                "code", "BY", "name", "Belarus", "officialName", "Republic of Belarus",
                "aliases", List.of("White Russia"), "names", Map.of("zh", "白俄罗斯"), "region", "Europe",
                "status", "current"));
        elasticsearch.indices().refresh(r -> r.index(ARTICLES, COUNTRIES));
    }

    @Test
    void findsArticlesByTitleAndBodyWithMarkedSnippets() throws Exception {
        JsonNode result = get("/api/search?q=" + encode("huoguo"), 200);
        assertThat(result.get("total").asLong()).isEqualTo(1);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("type").asString()).isEqualTo("article");
        assertThat(hit.get("id").asString()).isEqualTo("hegang-hot-pot");
        assertThat(hit.get("title").asString()).isEqualTo("Hot pot against the Hegang winter");
        assertThat(hit.get("snippet").asString()).contains("<mark>huoguo</mark>").contains("&lt;b&gt;");
        assertThat(result.has("tookMs")).isTrue();
        assertThat(result.get("query").asString()).isEqualTo("huoguo");
    }

    @Test
    void findsCountriesByAliasAndNarrowsByType() throws Exception {
        JsonNode result = get("/api/search?q=" + encode("white russia") + "&type=country", 200);
        assertThat(result.get("hits").get(0).get("id").asString()).isEqualTo("BY");
        assertThat(result.get("hits").get(0).get("title").asString()).isEqualTo("Belarus");
        assertThat(get("/api/search?q=hegang&type=country", 200).get("total").asLong()).isZero();
    }

    @Test
    void deletedRecordsAreNeitherFoundNorServed() throws Exception {
        assertThat(get("/api/search?q=gone", 200).get("total").asLong()).isZero();
        assertThat(get("/api/articles/gone", 404).get("status").asInt()).isEqualTo(404);
        assertThat(get("/api/articles/never-published", 404).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void servesStoredRecordsWithoutIndexFields() throws Exception {
        JsonNode article = get("/api/articles/hegang-hot-pot", 200);
        assertThat(article.get("id").asString()).isEqualTo("hegang-hot-pot");
        assertThat(article.get("version").asLong()).isEqualTo(2);
        assertThat(article.has("deleted")).isFalse();
        assertThat(article.has("type")).isFalse();
        JsonNode country = get("/api/countries/by", 200);
        assertThat(country.get("code").asString()).isEqualTo("BY");
        assertThat(country.has("id")).isFalse();
    }

    @Test
    void badParametersGetProblemsNotServerErrors() throws Exception {
        for (String query : List.of("", "?q=", "?q=%20%20", "?q=x&size=0", "?q=x&size=101", "?q=x&page=0",
                "?q=x&type=video", "?q=x&page=1000&size=100", "?q=" + "a".repeat(501))) {
            JsonNode problem = get("/api/search" + query, 400);
            assertThat(problem.get("errors").size()).as(query).isPositive();
        }
        for (String query : List.of("\"unbalanced", "title:(x", "a AND OR NOT", "*:*", "\\", "{}[]^~", "x -y")) {
            assertThat(get("/api/search?q=" + encode(query), 200).has("hits")).as(query).isTrue();
        }
        assertThat(get("/api/search?q=x&size=abc", 400).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void servesTheSearchPage() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<input id=\"q\"");
    }

    private void create(IndexDefinition definition, String alias) throws IOException {
        String index = definition.physicalName(alias);
        if (!elasticsearch.indices().exists(e -> e.index(index)).value()) {
            elasticsearch.indices().create(c -> c.index(index).withJson(new StringReader(definition.json()))
                    .aliases(alias, a -> a.isWriteIndex(true)));
        }
    }

    private void index(String alias, String id, Map<String, Object> document) throws IOException {
        elasticsearch.index(i -> i.index(alias).id(id).document(document).refresh(Refresh.False));
    }

    private JsonNode get(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(expectedStatus);
        return JsonMapper.shared().readTree(response.body());
    }

    private static Map<String, Object> document(Object... keysAndValues) {
        Map<String, Object> document = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            document.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return document;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
