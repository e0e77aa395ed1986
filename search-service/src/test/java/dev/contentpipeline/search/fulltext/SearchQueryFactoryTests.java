package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SearchType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.contentpipeline.apikeys.ApiKeySettings;
import dev.contentpipeline.apikeys.RateLimit;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.IndexDefinition;
import dev.contentpipeline.search.SearchProperties;
import dev.contentpipeline.search.countries.Countries;
import dev.contentpipeline.search.countries.CountryCard;
import dev.contentpipeline.search.door.SearchGate;
import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.fulltext.TextQueries.Tolerance;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests, judged by the JSON they render. */
class SearchQueryFactoryTests {

    static final SearchProperties PROPERTIES = new SearchProperties(
            10, 100, 10_000, 3, 10, Duration.ofMinutes(1),
            new ApiKeySettings(java.util.Map.of(), new RateLimit(20, 50)),
            new SearchProperties.ClientRateLimit(50, 100, ""),
            new SearchProperties.Limits(Duration.ofSeconds(5), 48, Duration.ofSeconds(1)));

    static final ContentNames NAMES = new ContentNames(
            new ContentNames.Topics("content.articles", "content.countries", ".DLT", 3),
            new ContentNames.Aliases("articles", "countries"));
    static final Countries COUNTRIES = Countries.of(List.of(
            new CountryCard("CN", "China", "People's Republic of China", "Asia", "Eastern Asia",
                    "current", null, Map.of("zh", "中国"), "/api/countries/CN"),
            new CountryCard("MN", "Mongolia", "Mongolia", "Asia", null, "current", null, Map.of(),
                    "/api/countries/MN")),
            Map.of("CN", List.of("China", "中国"), "MN", List.of("Mongolia")));

    private final SearchQueryFactory factory = new SearchQueryFactory(PROPERTIES, NAMES);

    @Test
    void eachWordIsRequiredExactlyWithTyposOrAsAPrefix() {
        JsonNode json = render(withTypos(params("q", "hegang pot")));
        JsonNode text = json.at("/query/bool/must/0/bool");
        JsonNode first = text.at("/must/0/bool/should");
        assertThat(first.at("/0/multi_match/query").asString()).isEqualTo("hegang");
        assertThat(first.at("/0/multi_match/fields").toString()).contains("title.exact^12", "name.folded^4",
                "body.stemmed");
        assertThat(first.at("/0/multi_match/fields").toString()).as("no CJK sub-fields for a Latin query")
                .doesNotContain(".cjk").as("bodies by their stems alone").doesNotContain("body.folded");
        assertThat(text.at("/should/1/multi_match/fields").toString()).doesNotContain(".cjk");
        JsonNode chinese = render(withTypos(params("q", "饺子 -火锅"))).at("/query/bool/must/0/bool");
        assertThat(chinese.at("/must").toString()).as("CJK sub-fields for a Chinese query")
                .contains("title.cjk^4", "body.cjk");
        assertThat(chinese.at("/must_not").toString()).contains("body.cjk");
        assertThat(first.at("/0/multi_match/operator").asString()).isEqualTo("and");
        assertThat(first.at("/1/multi_match/fuzziness").asString()).isEqualTo("AUTO:5,9");
        assertThat(first.at("/1/multi_match/boost").asDouble()).isLessThan(1);
        assertThat(first.size()).as("no prefix but for the last word").isEqualTo(2);
        JsonNode last = text.at("/must/1");
        assertThat(last.at("/bool/should/0/multi_match/query").asString()).isEqualTo("pot");
        assertThat(last.at("/bool/should/1/multi_match/type").asString())
                .as("three letters: no typo").isEqualTo("phrase_prefix");
        assertThat(text.at("/should/0/multi_match/fields").toString()).as("the whole query as a whole name")
                .contains("name.exact^12").doesNotContain("folded");
        assertThat(text.at("/should/0/multi_match/query").asString()).isEqualTo("hegang pot");
        assertThat(text.at("/should/1/multi_match/type").asString()).isEqualTo("phrase");
        assertThat(text.at("/should/1/multi_match/query").asString()).isEqualTo("hegang pot");
        assertThat(json.at("/query/bool/filter/0/term/deleted/value").asBoolean()).isFalse();
        assertThat(withTypos(params("q", "x")).searchType())
                .as("word frequencies over both indices").isEqualTo(SearchType.DfsQueryThenFetch);
    }

    @Test
    void theWordsAsTypedHaveNoTypoClauses() {
        SearchParameters harbour = params("q", "harbour coast", "facets", "region");
        assertThat(render(factory.search(harbour, COUNTRIES, Tolerance.AS_TYPED)).toString())
                .doesNotContain("fuzziness").contains("phrase_prefix");
        assertThat(render(factory.facets(harbour, COUNTRIES, Tolerance.AS_TYPED)).toString())
                .doesNotContain("fuzziness");
        assertThat(render(factory.facets(harbour, COUNTRIES, Tolerance.TYPOS)).toString()).contains("fuzziness");
        assertThat(TextQueries.allowsTypos(harbour.parsed())).isTrue();
        assertThat(TextQueries.allowsTypos(params("q", "tea -coffee").parsed())).as("no required word of five")
                .isFalse();
    }

    @Test
    void phrasesExclusionsAndOrBecomeBoolAndMatchPhrase() {
        JsonNode text = render(withTypos(params("q", "\"hot pot\" OR kimchi -coal")))
                .at("/query/bool/must/0/bool");
        JsonNode alternatives = text.at("/must/0/bool");
        assertThat(alternatives.at("/minimum_should_match").asString()).isEqualTo("1");
        assertThat(alternatives.at("/should/0/multi_match/type").asString()).isEqualTo("phrase");
        assertThat(alternatives.at("/should/0/multi_match/query").asString()).isEqualTo("hot pot");
        assertThat(alternatives.at("/should/1/bool/should/0/multi_match/query").asString()).isEqualTo("kimchi");
        assertThat(text.at("/must_not/0/multi_match/query").asString()).isEqualTo("coal");
        assertThat(text.at("/must_not/0/multi_match/fuzziness").isMissingNode()).isTrue();
    }

    @Test
    void readersTextNeverBecomesQuerySyntax() {
        String json = render(withTypos(params("q", "cafe\" OR *:* AND title:(x) \\ ~2 ^3")))
                .toString();
        assertThat(json).doesNotContain("query_string", "simple_query_string", "wildcard", "regexp");
        assertThat(render(withTypos(params("q", "*:* {}"))).at("/query/bool/must/0/match_none")
                .isObject()).isTrue();
        assertThat(render(withTypos(params("q", "-coal")))
                .at("/query/bool/must/0/bool/must/0/match_all").isObject()).isTrue();
    }

    @Test
    void titlesAndNamesWeighMoreThanBodies() {
        assertThat(SearchFields.WORDS).startsWith("title.exact^12", "name.exact^12").endsWith("body.cjk");
        assertThat(SearchFields.TYPOS).allMatch(field -> field.contains(".folded"));
        for (List<String> fields : List.of(SearchFields.WORDS, SearchFields.TYPOS, SearchFields.PREFIXES,
                SearchFields.PHRASES, SearchFields.SUGGEST, SearchFields.SNIPPET)) {
            assertThat(fields).as("a bare names.* would match every sub-field of every language")
                    .noneMatch(field -> field.startsWith("names.*^") || field.equals("names.*"));
        }
    }

    @Test
    void namesInOtherLanguagesAreReadFromBothIndexLayouts() {
        // v4 copies names.<language> into allNames; indices made before it have sub-fields per language.
        for (List<String> fields : List.of(SearchFields.WORDS, SearchFields.PREFIXES, SearchFields.PHRASES,
                SearchFields.WHOLE_VALUES, SearchFields.SUGGEST, SearchFields.SNIPPET)) {
            for (String subField : List.of("exact", "folded", "cjk")) {
                boolean inAllNames = fields.stream().anyMatch(f -> SearchFields.withoutBoost(f).equals("allNames."
                        + subField));
                boolean perLanguage = fields.stream().anyMatch(f -> SearchFields.withoutBoost(f).equals("names.*."
                        + subField));
                assertThat(inAllNames).as("%s in %s", subField, fields).isEqualTo(perLanguage);
            }
        }
        assertThat(SearchFields.WHOLE_VALUES).contains("allNames.exact^8", "names.*.exact^8");
    }

    @Test
    void theSubFieldsAnArticleIsHighlightedFromKeepOffsets() {
        // The highlighter reads offsets from the postings instead of analysing each hit's text again (README, round 5).
        JsonNode properties = JsonMapper.shared().readTree(IndexDefinition.ARTICLES.json()).at("/mappings/properties");
        List<String> highlighted = Stream.concat(SearchFields.TITLE_HIGHLIGHTS.stream(), SearchFields.SNIPPET.stream())
                .filter(field -> field.matches("(title|summary|body)\\.(folded|stemmed)")).toList();
        assertThat(highlighted).contains("title.folded", "title.stemmed", "summary.folded", "summary.stemmed",
                "body.stemmed");
        for (String field : highlighted) {
            String[] parts = field.split("\\.");
            assertThat(properties.path(parts[0]).path("fields").path(parts[1]).path("index_options").asString())
                    .as(field).isEqualTo("offsets");
        }
    }

    @Test
    void pagesAndCursorsSortWithAUniqueTiebreaker() {
        JsonNode json = render(withTypos(params("q", "x", "page", "3", "size", "20", "sort", "newest")));
        assertThat(json.get("from").asInt()).isEqualTo(40);
        assertThat(json.get("size").asInt()).as("one more, to know of a next page").isEqualTo(21);
        assertThat(json.at("/sort/0/publishedAt/order").asString()).isEqualTo("desc");
        assertThat(json.at("/sort/0/publishedAt/unmapped_type").asString()).isEqualTo("date");
        assertThat(json.at("/sort/1/_score/order").asString()).isEqualTo("desc");
        assertThat(json.at("/sort/2/type/order").asString()).isEqualTo("asc");
        assertThat(json.at("/sort/3/id/order").asString()).isEqualTo("asc");
        assertThat(json.get("track_total_hits").asInt()).isEqualTo(10_000);

        SearchParameters first = params("q", "x", "sort", "title");
        String cursor = new Cursor(Sorting.TITLE, first.fingerprint(),
                List.of(FieldValue.of("hot pot"), FieldValue.of("article"), FieldValue.of("a")), false).encode();
        JsonNode next = render(withTypos(params("q", "x", "cursor", cursor)));
        assertThat(next.get("from")).isNull();
        assertThat(next.get("search_after").toString()).isEqualTo("[\"hot pot\",\"article\",\"a\"]");
        assertThat(next.at("/sort/0/sortTitle/order").asString()).isEqualTo("asc");
        assertThat(withTypos(params("q", "x", "page", "1000", "size", "10")).size())
                .as("never past the 10,000 window").isEqualTo(10);
    }

    @Test
    void facetsFilterTheHitsAndCountUnderTheOtherFacets() {
        JsonNode json = render(withTypos(params("q", "x", "type", "article", "region", "Asia", "year", "2026")));
        JsonNode post = json.at("/post_filter/bool/filter");
        assertThat(post.at("/0/terms/type").toString()).isEqualTo("[\"article\"]");
        assertThat(post.at("/1/bool/should/0/terms/region").toString()).isEqualTo("[\"Asia\"]");
        assertThat(post.at("/1/bool/should/1/terms/countries").toString()).isEqualTo("[\"CN\",\"MN\"]");
        assertThat(post.at("/2/bool/should/0/range/publishedAt/gte").asString()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(json.get("aggregations")).as("the counts come in a request of their own").isNull();
        json = render(factory.facets(params("q", "x", "type", "article", "region", "Asia", "year", "2026"),
                COUNTRIES, Tolerance.TYPOS));
        assertThat(json.get("size").asInt()).isZero();
        assertThat(json.get("post_filter")).isNull();
        JsonNode typeCounts = json.at("/aggregations/type");
        assertThat(typeCounts.at("/filter/bool/filter").size()).as("region and year, not type").isEqualTo(2);
        assertThat(typeCounts.at("/aggregations/values/terms/field").asString()).isEqualTo("type");
        assertThat(json.at("/aggregations/country/aggregations/codes/terms/field").asString()).isEqualTo("code");
        assertThat(json.at("/aggregations/region/aggregations/values/filters/filters/Asia/bool/should/1/terms/countries")
                .toString()).isEqualTo("[\"CN\",\"MN\"]");
        assertThat(json.at("/aggregations/year/aggregations/values/date_histogram/calendar_interval").asString())
                .isEqualTo("year");
        assertThat(json.at("/aggregations/tag/filter/bool/filter").size()).isEqualTo(3);
    }

    @Test
    void highlightsMarkTheBestPassageAsEscapedHtml() {
        JsonNode json = render(withTypos(params("q", "x")));
        assertThat(json.at("/highlight/pre_tags/0").asString()).isEqualTo("<mark>");
        assertThat(json.at("/highlight/encoder").asString()).isEqualTo("html");
        assertThat(json.at("/highlight/order").asString()).isEqualTo("score");
        assertThat(json.at("/highlight/require_field_match").asBoolean()).isTrue();
        assertThat(json.at("/highlight/fields/title.stemmed/number_of_fragments").asInt()).isZero();
        assertThat(json.at("/highlight/fields/name.folded/number_of_fragments").asInt()).isZero();
        JsonNode harbour = render(withTypos(params("q", "harbour"))).at("/highlight");
        assertThat(harbour.at("/highlight_query").isMissingNode()).isTrue();
        assertThat(harbour.at("/fields/name.folded/highlight_query/multi_match/fields").toString())
                .as("each field marked by a query of its own").isEqualTo("[\"name.folded\"]");
        assertThat(harbour.at("/fields/name.folded/highlight_query/multi_match/fuzziness").isMissingNode())
                .as("typos marked in names by the service, not by Elasticsearch").isTrue();
        assertThat(harbour.at("/fields/body.stemmed/highlight_query/multi_match/fuzziness").isMissingNode())
                .as("no typos marked in bodies").isTrue();
        assertThat(harbour.at("/fields/summary.folded/highlight_query/bool/should/1/multi_match/type").asString())
                .as("the last word as a prefix where the search looks for prefixes").isEqualTo("phrase_prefix");
        assertThat(json.at("/highlight/fields").propertyNames()).as("no CJK sub-fields for a Latin query")
                .noneMatch(field -> field.endsWith(".cjk"));
        assertThat(render(withTypos(params("q", "饺子"))).at("/highlight/fields").propertyNames())
                .contains("title.cjk", "body.cjk");
        assertThat(json.at("/highlight/fields/body.stemmed/no_match_size").asInt()).isEqualTo(160);
        assertThat(json.at("/highlight/fields").propertyNames()).as("a body's snippet from its stems alone")
                .doesNotContain("body.folded");
        assertThat(json.at("/_source/includes").toString()).doesNotContain("\"body\"");
        assertThat(withTypos(params("q", "x")).index()).containsExactly("articles", "countries");
    }

    @Test
    void aSearchAndItsCountsGoTogetherAsTheSameRequestsInOneMultiSearch() {
        SearchParameters first = params("q", "x", "sort", "title");
        String cursor = new Cursor(Sorting.TITLE, first.fingerprint(),
                List.of(FieldValue.of("hot pot"), FieldValue.of("article"), FieldValue.of("a")), false).encode();
        List<SearchParameters> asked = List.of(params("q", "hegang pot"),
                params("q", "x", "type", "article", "region", "Asia", "year", "2026", "page", "3", "sort", "newest"),
                params("q", "x", "cursor", cursor), params("q", "饺子", "facets", "none"));
        for (SearchParameters params : asked) {
            for (Tolerance tolerance : Tolerance.values()) {
                // The counts are asked only if the reader wants some (as the controller does).
                SearchRequest search = factory.search(params, COUNTRIES, tolerance);
                List<SearchRequest> requests = params.counted().isEmpty() ? List.of(search)
                        : List.of(search, factory.facets(params, COUNTRIES, tolerance));
                for (SearchRequest request : requests) {
                    RequestItem item = SearchGate.item(request);
                    assertThat(JsonMapper.shared().readTree(
                                    JsonpUtils.toJsonString(item.body(), new JacksonJsonpMapper())))
                            .as("every part of the body, for %s", params.query()).isEqualTo(render(request));
                    assertThat(item.header().index()).isEqualTo(request.index());
                    assertThat(item.header().searchType()).isEqualTo(request.searchType());
                    assertThat(item.header().requestCache()).isEqualTo(request.requestCache());
                    assertThat(item.header().ignoreUnavailable()).isEqualTo(request.ignoreUnavailable());
                    assertThat(item.header().allowNoIndices()).isEqualTo(request.allowNoIndices());
                }
            }
        }
        assertThat(factory.search(asked.get(0), COUNTRIES, Tolerance.AS_TYPED).searchType())
                .as("the search keeps its word weights over both indices").isEqualTo(SearchType.DfsQueryThenFetch);
        assertThat(factory.facets(asked.get(0), COUNTRIES, Tolerance.AS_TYPED).requestCache())
                .as("the counts stay in the request cache").isTrue();
    }

    /** The search with typos, as the controller sends it when the words as typed find too few. */
    private SearchRequest withTypos(SearchParameters params) {
        return factory.search(params, COUNTRIES, Tolerance.TYPOS);
    }

    static SearchParameters params(String... namesAndValues) {
        LinkedMultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return SearchParameters.read(map, PROPERTIES, Set.of("Asia", "Europe"));
    }

    static JsonNode render(SearchRequest request) {
        return JsonMapper.shared().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }
}
