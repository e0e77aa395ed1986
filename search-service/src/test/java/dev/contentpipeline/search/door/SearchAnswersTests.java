package dev.contentpipeline.search.door;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Elasticsearch's answers, as an 8.19 node writes them with typed_keys, read into what search-service uses. */
class SearchAnswersTests {

    private static final String SEARCH = """
            {"took":12,"timed_out":false,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0},
             "hits":{"total":{"value":10000,"relation":"gte"},"max_score":null,"hits":[
              {"_index":"articles-v5","_id":"hot-pot","_score":7.25,"_ignored":["body.keyword"],
               "_source":{"type":"article","title":"Hot pot at \\"thirty below\\" \\u00e9","countries":["CN","MN"],
                          "tags":[],"words":1200,"rating":4.5,"draft":false,"editor":null,"place":{"city":"Hegang"}},
               "highlight":{"title.folded":["<mark>Hot</mark> pot"],"body.stemmed":["a","b"]},
               "sort":[1767225600000,7.25,"article",true,null],
               "matched_queries":["whole-value"]},
              {"_index":"countries-v5","_id":"IE","_score":null,"_source":{"type":"country","name":"Ireland"},
               "matched_queries":{"whole-value":1.0,"other":0.5}}]}}
            """;

    @Test
    void aSearchIsReadWithItsHitsInOrder() throws IOException {
        SearchAnswer answer = SearchAnswers.one(bytes(SEARCH));

        assertThat(answer.took()).isEqualTo(12);
        assertThat(answer.total()).isEqualTo(new SearchAnswer.Total(10_000, false));
        assertThat(answer.bucketCounts()).isEmpty();
        assertThat(answer.hits()).extracting(SearchAnswer.StoredHit::id).containsExactly("hot-pot", "IE");
        SearchAnswer.StoredHit article = answer.hits().get(0);
        assertThat(article.index()).isEqualTo("articles-v5");
        assertThat(article.score()).isEqualTo(7.25);
        assertThat(article.source()).containsExactly(entry("type", "article"),
                entry("title", "Hot pot at \"thirty below\" é"), entry("countries", List.of("CN", "MN")),
                entry("tags", List.of()), entry("words", 1200), entry("rating", 4.5), entry("draft", false),
                entry("editor", null), entry("place", Map.of("city", "Hegang")));
        assertThat(article.highlight()).containsExactly(entry("title.folded", List.of("<mark>Hot</mark> pot")),
                entry("body.stemmed", List.of("a", "b")));
        assertThat(article.sort()).isEqualTo(Arrays.asList(1767225600000L, 7.25, "article", true, null));
        assertThat(article.matchedQueries()).containsExactly("whole-value");
        SearchAnswer.StoredHit country = answer.hits().get(1);
        assertThat(country.score()).as("a hit that was not scored").isNull();
        assertThat(country.highlight()).isEmpty();
        assertThat(country.sort()).isEmpty();
        assertThat(country.matchedQueries()).as("named queries with their scores").containsExactly("whole-value", "other");
    }

    @Test
    void aMultiSearchIsReadAnswerByAnswerWithTheBucketsOfEachAggregation() throws IOException {
        String counts = """
                {"took":3,"timed_out":false,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0},
                 "hits":{"max_score":null,"hits":[]},
                 "aggregations":{
                  "filter#country":{"meta":{"x":{"buckets":[{"key":"no","doc_count":9}]}},"doc_count":40,
                   "sterms#values":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
                    "buckets":[{"key":"CN","doc_count":30},{"key":"IE","doc_count":2}]},
                   "sterms#country_codes":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
                    "buckets":[{"key":"IE","doc_count":1}]}},
                  "filter#region":{"doc_count":40,"filters#values":{"buckets":{"Asia":{"doc_count":31},
                   "Europe":{"doc_count":3}}}},
                  "filter#year":{"doc_count":40,"date_histogram#values":{"buckets":[
                   {"key_as_string":"2025","key":1735689600000,"doc_count":12},
                   {"key_as_string":"2026","key":1767225600000,"doc_count":28}]}},
                  "filter#tag":{"doc_count":0,"sterms#values":{"buckets":[]}}},
                 "status":200}
                """;
        List<SearchAnswer> answers = SearchAnswers.all(bytes("{\"took\":15,\"responses\":[" + SEARCH.strip()
                + "," + counts + "]}"));

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).hits()).hasSize(2);
        SearchAnswer facets = answers.get(1);
        assertThat(facets.took()).isEqualTo(3);
        assertThat(facets.total()).as("not counted").isNull();
        assertThat(facets.hits()).isEmpty();
        assertThat(facets.bucketCounts()).containsExactly(
                entry("country", Map.of("CN", 30L, "IE", 3L)),
                entry("region", Map.of("Asia", 31L, "Europe", 3L)),
                entry("year", Map.of("2025", 12L, "2026", 28L)),
                entry("tag", Map.of()));
    }

    @Test
    void aFailedSearchOfAMultiSearchIsThrownAsItsOwnSearchWouldBe() {
        String failed = """
                {"took":1,"responses":[{"error":{"root_cause":[{"type":"too_many_nested_clauses",
                 "reason":"Query contains too many nested clauses"}],"type":"search_phase_execution_exception",
                 "reason":"all shards failed","phase":"query","grouped":true,"failed_shards":[]},"status":400}]}
                """;

        assertThatThrownBy(() -> SearchAnswers.all(bytes(failed)))
                .isInstanceOfSatisfying(ElasticsearchException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().type()).isEqualTo("search_phase_execution_exception");
                    assertThat(e.getMessage()).contains("all shards failed");
                });
    }

    @Test
    void whatIsNotAnAnswerIsAnIoError() {
        assertThatThrownBy(() -> SearchAnswers.one(bytes("[1, 2]"))).isInstanceOf(IOException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> SearchAnswers.one(bytes("{\"took\":1,\"hits\":{\"hits\":[{\"_id\":"))).isInstanceOf(IOException.class);
    }

    private static InputStream bytes(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
