package dev.contentpipeline.search.suggest;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.contentpipeline.connections.ContentNames;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request, judged by the JSON it renders. */
class SuggestQueryFactoryTests {

    private static final ContentNames NAMES = new ContentNames(
            new ContentNames.Topics("content.articles", "content.countries", ".DLT", 3),
            new ContentNames.Aliases("articles", "countries"));

    private final SuggestQueryFactory factory = new SuggestQueryFactory(NAMES);

    @Test
    void matchesTitlesAndNamesAsTyped() {
        JsonNode json = render(factory.suggest("white ru", List.of("country"), 5));
        JsonNode match = json.at("/query/bool/must/0/multi_match");
        assertThat(match.at("/type").asString()).isEqualTo("bool_prefix");
        assertThat(match.at("/query").asString()).isEqualTo("white ru");
        assertThat(match.at("/fields").toString()).contains("title.autocomplete^3", "name.autocomplete^3",
                "aliases.autocomplete^2").doesNotContain("body");
        assertThat(json.at("/query/bool/filter/0/term/deleted/value").asBoolean()).isFalse();
        assertThat(json.at("/query/bool/filter/1/terms/type").toString()).isEqualTo("[\"country\"]");
        assertThat(json.at("/query/bool/should/0/multi_match/type").asString()).isEqualTo("phrase");
        assertThat(json.get("size").asInt()).isEqualTo(5);
        assertThat(factory.suggest("white ru", List.of(), 5).requestCache()).as("hits kept until the next refresh")
                .isTrue();
        assertThat(json.has("highlight")).as("search-service marks the titles itself (TypoMarks.ofSuggestion)")
                .isFalse();
    }

    @Test
    void elasticsearchMarksOnlyTheBigramsOfChineseJapaneseAndKorean() {
        JsonNode json = render(factory.suggest("鹤岗 coal", List.of(), 8));
        assertThat(json.at("/highlight/fields").propertyNames()).containsExactlyInAnyOrder("title.cjk", "name.cjk");
        assertThat(json.at("/highlight/fields/title.cjk/number_of_fragments").asInt()).isZero();
        assertThat(json.at("/highlight/fields/title.cjk/highlight_query/multi_match/fields").toString())
                .as("each field marked by the words in that field alone").isEqualTo("[\"title.cjk\"]");
        assertThat(json.at("/query/bool/must/0/multi_match/fields").toString()).contains("title.cjk^3");
    }

    private static JsonNode render(SearchRequest request) {
        return JsonMapper.shared().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }
}
