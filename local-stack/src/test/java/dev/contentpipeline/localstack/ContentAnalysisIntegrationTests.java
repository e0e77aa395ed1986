package dev.contentpipeline.localstack;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import dev.contentpipeline.model.IndexDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's analysis plugin in the Elasticsearch the tests get (installed by default): each component through
 * {@code _analyze} on the real server, then the index definitions, which are built from them, loaded as they are.
 */
class ContentAnalysisIntegrationTests {

    private static ElasticsearchAccess elasticsearch;

    @BeforeAll
    static void startElasticsearch() {
        elasticsearch = Infrastructure.shared().elasticsearch();
    }

    @Test
    void pluginIsInstalled() throws Exception {
        assertThat(send("GET", "/_cat/plugins?h=component", null).body()).contains("content-analysis");
    }

    @Test
    void englishStemDropsPossessivesAndStems() throws Exception {
        assertThat(analyze("\"tokenizer\": \"standard\", \"filter\": [\"lowercase\", \"content_english_stem\"]",
                "Åland’s cultures of the islands")).containsExactly("åland", "culture", "of", "the", "island");
    }

    @Test
    void foldingMakesAccentsAndApostrophesPlain() throws Exception {
        assertThat(analyze("\"tokenizer\": \"standard\", \"filter\": [\"lowercase\", \"content_folding\"]",
                "Côte d’Ivoire ÅLAND Réunion")).containsExactly("cote", "d'ivoire", "aland", "reunion");
    }

    @Test
    void cjkBigramPairsChineseJapaneseAndKorean() throws Exception {
        assertThat(analyze("\"tokenizer\": \"standard\", \"filter\": [\"lowercase\", \"content_cjk_bigram\"]",
                "白俄罗斯 ベラルーシ 벨라루스 Belarus"))
            .containsExactly("白俄", "俄罗", "罗斯", "ベラ", "ラル", "ルー", "ーシ", "벨라", "라루", "루스", "belarus");
        assertThat(analyze("\"tokenizer\": \"standard\", \"filter\": [\"lowercase\", "
                + "{\"type\": \"content_cjk_bigram\", \"cjk_only\": true}]", "白俄罗斯 Belarus 鹤 Minsk"))
            .containsExactly("白俄", "俄罗", "罗斯", "鹤");
    }

    @Test
    void edgeNGramTakesItsSettings() throws Exception {
        assertThat(analyze("\"tokenizer\": \"standard\", \"filter\": [\"lowercase\", "
                + "{\"type\": \"content_edge_ngram\", \"min_gram\": 3, \"max_gram\": 5}]", "Eswatini"))
            .containsExactly("esw", "eswa", "eswat", "eswatini");
    }

    @Test
    void synonymsExpandFromTheBundledList() throws Exception {
        assertThat(analyze("\"tokenizer\": \"standard\", \"filter\": [\"lowercase\", \"content_folding\", "
                + "\"content_synonyms\"]", "Swaziland hotpot"))
            .contains("swaziland", "eswatini", "hotpot", "huoguo", "hot", "pot");
    }

    @Test
    void scriptFoldingMeetsTheSpellingsOfHindiBengaliPersianUrduAndArabic() throws Exception {
        String chain = "\"char_filter\": [\"content_zwnj_space\"], \"tokenizer\": \"standard\", "
                + "\"filter\": [\"lowercase\", \"content_script_folding\"]";
        // Each pair: CLDR's name, then a spelling readers type for it.
        List<List<String>> pairs = List.of(List.of("बुर्किना फ़ासो", "बुर्किना फासो"), List.of("हिन्दुस्तान", "हिंदुस्तान"),
                List.of("আলবেনিয়া", "আলবেনি\u09DFা"), List.of("ایران", "ايران"), List.of("کرهٔ شمالی", "كره شمالي"),
                List.of("سان\u200Cمارینو", "سان مارینو"), List.of("بھارت", "بهارت"), List.of("عُمان", "عمان"),
                List.of("۲۰۲۶", "2026"));
        for (List<String> pair : pairs) {
            assertThat(analyze(chain, pair.get(1))).as(pair.get(1)).isNotEmpty().isEqualTo(analyze(chain, pair.get(0)));
        }
    }

    @Test
    void wholeValueTokenizerKeepsANameAsOneToken() throws Exception {
        assertThat(analyze("\"tokenizer\": \"content_whole_value\", \"filter\": [\"lowercase\", \"content_folding\"]",
                "White\u00a0 Russia")).containsExactly("white russia");
    }

    @Test
    void indexDefinitionsLoadAndTheirSubFieldsAnalyseAsDesigned() throws Exception {
        for (IndexDefinition definition : IndexDefinition.values()) {
            String index = "/" + definition.physicalName("analysis-test-" + definition.name().toLowerCase(Locale.ROOT));
            send("DELETE", index, null);
            HttpResponse<String> created = send("PUT", index, definition.json());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            try {
                String field = definition == IndexDefinition.ARTICLES ? "title" : "name";
                assertThat(analyzeField(index, field + ".exact", "Côte\u00a0d’Ivoire")).containsExactly("cote d'ivoire");
                assertThat(analyzeField(index, field + ".stemmed", "Cultures")).containsExactly("culture");
                assertThat(analyzeField(index, field + ".cjk", "鹤岗煤城")).containsExactly("鹤岗", "岗煤", "煤城");
                assertThat(analyzeField(index, field + ".autocomplete", "Åland")).contains("al", "ala", "aland");
                assertThat(analyzeField(index, field + ".folded", "ÅLAND")).containsExactly("aland");
                if (definition == IndexDefinition.ARTICLES) {
                    // v5: a body's .cjk sub-field holds only its Chinese, Japanese and Korean words.
                    assertThat(analyzeField(index, "body.cjk", "Hot pot in 鹤岗, Hegang")).containsExactly("鹤岗");
                }
                // v3: the analyzers of names fold Indic and Arabic-script spellings, whole values and words alike.
                assertThat(analyzeWith(index, "content_exact", "جزیرهٔ\u200Cمن"))
                    .isEqualTo(analyzeWith(index, "content_exact", "جزيره من")).hasSize(1);
                assertThat(analyzeWith(index, "content_exact", "दक्षिण अफ़्रीका"))
                    .isEqualTo(analyzeWith(index, "content_exact", "दक्षिण अफ्रीका")).hasSize(1);
                assertThat(analyzeWith(index, "content_folded", "پاپوا گینهٔ نو"))
                    .isEqualTo(analyzeWith(index, "content_folded", "پاپوا گينه نو")).hasSize(3);
            }
            finally {
                send("DELETE", index, null);
            }
        }
    }

    private static List<String> analyze(String chain, String text) throws Exception {
        return tokens(send("POST", "/_analyze", "{" + chain + ", \"text\": " + quote(text) + "}"));
    }

    private static List<String> analyzeField(String index, String field, String text) throws Exception {
        return tokens(send("POST", index + "/_analyze", "{\"field\": \"" + field + "\", \"text\": " + quote(text) + "}"));
    }

    private static List<String> analyzeWith(String index, String analyzer, String text) throws Exception {
        return tokens(send("POST", index + "/_analyze", "{\"analyzer\": \"" + analyzer + "\", \"text\": " + quote(text)
                + "}"));
    }

    private static List<String> tokens(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode tokens = JsonMapper.shared().readTree(response.body()).get("tokens");
        return tokens.valueStream().map((token) -> token.get("token").asString()).toList();
    }

    private static String quote(String text) {
        return JsonMapper.shared().writeValueAsString(text);
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        return elasticsearch.send(elasticsearch.request(path)
            .method(method, (json == null) ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
    }
}
