package dev.contentpipeline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Query handling and results of the search API on a real Elasticsearch. */
class SearchApiIntegrationTests extends AgainstElasticsearch {

    @Test
    void findsArticlesByTitleAndBodyWithMarkedSnippets() throws Exception {
        JsonNode result = search("huoguo", "");
        assertThat(result.get("total").asLong()).as("and 'hot pot', its synonym, in market-stalls").isEqualTo(2);
        assertThat(result.get("totalExact").asBoolean()).isTrue();
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("type").asString()).isEqualTo("article");
        assertThat(hit.get("id").asString()).isEqualTo("hegang-hot-pot");
        assertThat(hit.get("title").asString()).isEqualTo("Hot pot against the Hegang winter");
        assertThat(hit.get("snippet").asString()).contains("<mark>huoguo</mark>").contains("&lt;b&gt;");
        assertThat(hit.get("score").asDouble()).isPositive();
        assertThat(hit.get("url").asString()).isEqualTo("/api/articles/hegang-hot-pot");
        assertThat(result.get("tookMs").asLong()).isNotNegative();
        assertThat(result.get("query").asString()).isEqualTo("huoguo");
        assertThat(search("hegang winter", "").get("hits").get(0).get("titleHtml").asString())
                .isIn("Hot pot against the <mark>Hegang</mark> <mark>winter</mark>",
                        "Hot pot against the <mark>Hegang winter</mark>");
    }

    @Test
    void forgivesOneTypoFromFiveLettersAndTwoFromNine() throws Exception {
        assertThat(ids(search("quokla", ""))).containsExactly("quokka-ornithopter");
        assertThat(search("quokla ornitopterr", "").get("hits").get(0).get("titleHtml").asString())
                .as("words found with typos marked in the title")
                .isEqualTo("<mark>Quokka</mark> and the <mark>ornithopter</mark>");
        assertThat(ids(search("qukka", ""))).containsExactly("quokka-ornithopter");
        assertThat(ids(search("ornitopterr", ""))).as("two typos in eleven letters").containsExactly("quokka-ornithopter");
        assertThat(ids(search("qoukla", ""))).as("two typos in six letters").isEmpty();
        assertThat(ids(search("yurd", ""))).as("no typo under five letters").isEmpty();
        JsonNode exactFirst = search("harbour", "");
        assertThat(ids(exactFirst)).first().isEqualTo("harbour-day");
    }

    @Test
    void typosAreLookedForOnlyWhenTheWordsAsTypedFindTooFew() throws Exception {
        JsonNode paper = search("paper", "&size=100");
        assertThat(ids(paper)).as("thirty as typed: enough, so the taper, a typo away, is left out")
                .hasSize(SearchFixture.LANTERNS).doesNotContain("taper-candles");
        assertThat(paper.get("hits").get(0).get("snippet").asString()).contains("<mark>Paper</mark>");
        JsonNode taper = search("taper", "&size=5");
        assertThat(ids(taper)).as("one as typed: too few, so what is a typo away comes after it").hasSize(5)
                .first().isEqualTo("taper-candles");
        assertThat(ids(taper).subList(1, 5)).allMatch(id -> id.startsWith("lantern-"));
        JsonNode next = search("taper", "&size=5&cursor=" + taper.get("nextCursor").asString());
        assertThat(ids(next)).as("the next page found with typos too").hasSize(5)
                .allMatch(id -> id.startsWith("lantern-"));
    }

    @Test
    void theLastWordIsAlsoAPrefix() throws Exception {
        assertThat(ids(search("ornitho", ""))).containsExactly("quokka-ornithopter");
        assertThat(search("ornitho quokka", "").get("notices").toString()).as("only the last word: no hit has both")
                .contains("all but one");
        assertThat(ids(search("quokka ornitho", ""))).containsExactly("quokka-ornithopter");
    }

    @Test
    void aSuggestionAskedAgainIsAnsweredFromElasticsearchsRequestCache() throws Exception {
        String typed = "/api/suggest?q=" + encode("lantern nig");
        JsonNode first = get(typed, 200).get("suggestions");
        assertThat(first).isNotEmpty();
        ElasticsearchClient operator = SearchFixture.operatorClient();
        try (ElasticsearchTransport transport = operator._transport()) {
            long hits = requestCacheHits(operator);
            assertThat(get(typed, 200).get("suggestions")).isEqualTo(first);
            assertThat(requestCacheHits(operator)).as("both shards answer from the cache")
                    .isGreaterThanOrEqualTo(hits + 2);
        }
    }

    @Test
    void suggestionsMarkWhatWasTyped() throws Exception {
        JsonNode quokka = get("/api/suggest?q=" + encode("quokla orni"), 200).get("suggestions");
        assertThat(quokka.get(0).get("id").asString()).isEqualTo("quokka-ornithopter");
        assertThat(quokka.get(0).get("titleHtml").asString()).as("a typo in the first word, the last a beginning")
                .isEqualTo("<mark>Quokka</mark> and the <mark>ornithopter</mark>");
        JsonNode hegang = get("/api/suggest?q=" + encode("鹤岗"), 200).get("suggestions");
        assertThat(hegang.get(0).get("id").asString()).isEqualTo("hegang-zh");
        assertThat(hegang.get(0).get("titleHtml").asString()).as("Elasticsearch marks the bigrams")
                .startsWith("<mark>鹤岗</mark>");
    }

    @Test
    void phrasesExclusionsAndOr() throws Exception {
        assertThat(ids(search("\"hot pot\"", ""))).containsExactlyInAnyOrder("hegang-hot-pot", "market-stalls");
        assertThat(ids(search("hegang -kimchi", ""))).as("鹤岗 is a synonym of hegang")
                .containsExactlyInAnyOrder("hegang-coal-town", "hegang-zh");
        assertThat(ids(search("hegang -\"hot pot\"", ""))).containsExactlyInAnyOrder("hegang-coal-town", "hegang-zh");
        assertThat(ids(search("yurt OR quokka", ""))).as("'yurts' in Mongolia's summary shares the stem")
                .containsExactlyInAnyOrder("quokka-ornithopter", "yurt-life", "MN");
        assertThat(ids(search("quokka OR yurt", ""))).containsExactlyInAnyOrder("quokka-ornithopter", "yurt-life", "MN");
        assertThat(ids(search("quokka ornithopter children", ""))).as("every word is required")
                .containsExactly("quokka-ornithopter");
        assertThat(search("quokka ornithopter children", "").get("notices").toString()).doesNotContain("all but one");
        JsonNode relaxed = search("yurt quokka", "");
        assertThat(ids(relaxed)).as("nothing has both words: what has all but one")
                .containsExactlyInAnyOrder("quokka-ornithopter", "yurt-life", "MN");
        assertThat(relaxed.get("notices").toString()).contains("all but one");
        assertThat(relaxed.get("nextCursor").isNull()).isTrue();
        assertThat(ids(search("yurt quokka -stove", ""))).as("exclusions still hold")
                .containsExactlyInAnyOrder("quokka-ornithopter", "MN");
        JsonNode onlyExclusions = search("-lantern -hegang", "&type=country");
        assertThat(onlyExclusions.get("total").asLong()).isEqualTo(5);
    }

    @Test
    void titlesOutrankBodiesAndExactPhrasesOutrankScatteredWords() throws Exception {
        assertThat(ids(search("lighthouse", ""))).containsExactly("lighthouse-keepers", "harbour-day");
        assertThat(ids(search("hot pot", ""))).startsWith("hegang-hot-pot", "market-stalls")
                .contains("scattered-words").last().isEqualTo("scattered-words");
    }

    @Test
    void totalsPastTheCountingLimitSaySoAndManyWordsAreTrimmed() throws Exception {
        JsonNode many = search("lantern", "");
        assertThat(many.get("total").asLong()).isEqualTo(SearchFixture.TRACK_TOTAL_HITS_UP_TO);
        assertThat(many.get("totalExact").asBoolean()).isFalse();
        JsonNode trimmed = search("lantern a b c d e f g h i j k", "");
        assertThat(trimmed.get("notices").get(0).asString()).contains("first 10 words").endsWith("j k");
    }

    @Test
    void aQueryThatNamesACountryBringsItsCard() throws Exception {
        JsonNode card = search("bread in white russia", "").get("country");
        assertThat(card.get("code").asString()).isEqualTo("BY");
        assertThat(card.get("name").asString()).isEqualTo("Belarus");
        assertThat(card.get("region").asString()).isEqualTo("Europe");
        assertThat(card.at("/names/zh").asString()).isEqualTo("白俄罗斯");
        assertThat(search("白俄罗斯", "").get("country").get("code").asString()).isEqualTo("BY");
        assertThat(search("lantern", "").has("country")).isFalse();
    }

    @Test
    void aQueryThatFindsLittleGetsADidYouMean() throws Exception {
        JsonNode result = search("yurd", "");
        assertThat(result.get("total").asLong()).isZero();
        assertThat(result.at("/didYouMean/query").asString()).isEqualTo("yurt");
        assertThat(result.at("/didYouMean/total").asLong()).isPositive();
        assertThat(search("steppe yurd", "").at("/didYouMean/query").asString()).isEqualTo("steppe yurt");
        assertThat(search("lantern", "").has("didYouMean")).isFalse();
        assertThat(search("wock", "").at("/didYouMean/query").asString())
                .as("a word that only a body has, from body.folded").isEqualTo("wick");
    }

    @Test
    void deletedRecordsAreNeitherFoundNorServed() throws Exception {
        assertThat(search("gone", "").get("total").asLong()).isZero();
        assertThat(get("/api/articles/gone", 404).get("status").asInt()).isEqualTo(404);
        assertThat(get("/api/articles/never-published", 404).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void servesStoredRecordsWithoutIndexFields() throws Exception {
        JsonNode article = get("/api/articles/hegang-hot-pot", 200);
        assertThat(article.get("id").asString()).isEqualTo("hegang-hot-pot");
        assertThat(article.get("version").asLong()).isEqualTo(1);
        assertThat(article.has("deleted")).isFalse();
        assertThat(article.has("type")).isFalse();
        JsonNode country = get("/api/countries/by", 200);
        assertThat(country.get("code").asString()).isEqualTo("BY");
        assertThat(country.has("id")).isFalse();
    }

    @Test
    void servesTheSearchPageAndTheOpenApiDescription() throws Exception {
        HttpResponse<String> page = send("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<input id=\"q\"");
        JsonNode api = get("/v3/api-docs", 200);
        assertThat(api.at("/info/title").asString()).isEqualTo("Content pipeline search API");
        assertThat(api.at("/paths/~1api~1search/get/parameters").valueStream().map(p -> p.get("name").asString()))
                .containsExactly("q", "type", "country", "region", "tag", "language", "year", "facets", "sort", "page",
                        "size", "cursor");
        assertThat(api.at("/paths/~1api~1search/get/responses/400/content").has("application/problem+json")).isTrue();
        assertThat(api.at("/paths/~1api~1suggest/get/parameters/0/name").asString()).isEqualTo("q");
        assertThat(api.at("/components/schemas/SearchResults/properties").has("nextCursor")).isTrue();
        HttpResponse<String> yaml = send("/v3/api-docs.yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode parsed = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(yaml.body());
        assertThat(parsed.at("/paths/~1api~1search/get/summary").asText()).isEqualTo("Search articles and countries");
    }

    @Test
    void answersJsonWithItsLengthUnlessTheClientTakesNoJson() throws Exception {
        for (String request : new String[] {"/api/search?q=belarus", "/api/suggest?q=bel"}) {
            for (String accept : new String[] {null, "*/*", "application/json", "text/html, application/json;q=0.5"}) {
                HttpResponse<String> response = send(request, accept);
                assertThat(response.statusCode()).as(request + " " + accept).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(response.headers().firstValueAsLong("Content-Length"))
                        .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
                assertThat(response.body()).contains("\"Belarus\"");
            }
            for (String accept : new String[] {"text/html", "application/json;q=0"}) {
                HttpResponse<String> refused = send(request, accept);
                assertThat(refused.statusCode()).as(request + " " + accept).isEqualTo(406);
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
            }
        }
        HttpResponse<String> bad = send("/api/suggest?q=bel&size=0", "text/html");
        assertThat(bad.statusCode()).as("a bad parameter is a 400 whatever the client takes").isEqualTo(400);
        JsonNode api = get("/v3/api-docs", 200);
        assertThat(api.at("/paths/~1api~1search/get/responses/200/content/application~1json/schema/$ref")
                .asString()).endsWith("/SearchResults");
        assertThat(api.at("/paths/~1api~1suggest/get/responses/200/content/application~1json/schema/$ref")
                .asString()).endsWith("/Suggestions");
        assertThat(api.at("/components/schemas/Suggestions/properties").has("suggestions")).isTrue();
    }

    private static long requestCacheHits(ElasticsearchClient operator) throws IOException {
        return operator.indices().stats(s -> s.index(SearchFixture.ARTICLES, SearchFixture.COUNTRIES)
                .metric("request_cache")).all().total().requestCache().hitCount();
    }
}
