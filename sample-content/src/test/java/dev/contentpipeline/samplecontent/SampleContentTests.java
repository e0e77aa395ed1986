package dev.contentpipeline.samplecontent;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.Country;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What holds of the sample content without the seed, which lives outside the repository: every record is one the
 * ingest API takes, and the tools' checks pass but for the comparison with the seed. Run in sample-content, where
 * the data files are.
 */
class SampleContentTests {

    private static final Path COUNTRIES = Path.of("countries.ndjson");

    private static final Path ARTICLES = Path.of("articles");

    private static final Path SOURCE = Path.of("tools/countries-source.tsv");

    @Test
    void everyLineOfCountriesIsACountryAsIngestReadsIt() throws Exception {
        List<String> lines = Files.readAllLines(COUNTRIES, StandardCharsets.UTF_8);

        assertThat(lines).hasSize(204).allSatisfy((line) -> {
            String code = JsonMapper.shared().readTree(line).path("code").asString();
            Country country = ContentJson.readForKey(line.getBytes(StandardCharsets.UTF_8), Country.class, "code",
                    code);
            assertThat(country.code()).isEqualTo(code);
        });
    }

    @Test
    void everyArticleFileIsAnArticleAsIngestReadsIt() throws Exception {
        List<Path> files = CheckArticles.articles(ARTICLES);

        assertThat(files).isNotEmpty().allSatisfy((file) -> {
            String id = file.getFileName().toString().replaceFirst("\\.json$", "");
            Article article = ContentJson.readForKey(Files.readAllBytes(file), Article.class, "id", id);
            assertThat(article.id()).isEqualTo(id);
        });
    }

    @Test
    void countriesPassEveryCheckButTheSeedComparison() throws Exception {
        List<CountrySource.Row> rows = CountrySource.read(SOURCE);
        // The table's own seed spellings stand in for the seed: every other check still runs on every line.
        List<String> seed = rows.stream().map(CountrySource.Row::seedName).toList();
        CheckCountries check = new CheckCountries(seed, rows, CountryNames.DEFAULT_LANGUAGES);

        assertThat(check.check(Files.readString(COUNTRIES, StandardCharsets.UTF_8)).list()).isEmpty();
        assertThat(check.summary()).startsWith("204 records, 204 distinct codes");
    }

    @Test
    void articlesPassEveryCheckButTheOverlapWithTheSeed() throws Exception {
        CheckArticles check = new CheckArticles(CheckArticles.countryCodes(COUNTRIES), Set.of());

        assertThat(check.check(ARTICLES).list()).isEmpty();
    }

    @Test
    void aCheckReportsWhatIsWrongLineByLine() throws Exception {
        List<CountrySource.Row> rows = CountrySource.read(SOURCE);
        List<String> seed = rows.stream().map(CountrySource.Row::seedName).toList();
        String first = Files.readAllLines(COUNTRIES, StandardCharsets.UTF_8).get(0);
        String broken = first.replace("\"code\":\"CN\"", "\"code\":\"CN\",\"seedName\":\"China\"") + "\n"
                + "{\"code\":\"CN\",\"code\":\"CN\"}\n";

        assertThat(new CheckCountries(seed, rows, CountryNames.DEFAULT_LANGUAGES).check(broken).list())
            .contains("line 1: field \"seedName\" is not a Country field (allowed: code, name, officialName, aliases, "
                    + "names, region, subregion, status, successors, summary, version)")
            .anyMatch((problem) -> problem.startsWith("line 2: invalid JSON: Duplicate Object property \"code\""));
    }

    @Test
    void countryLinesShowInvisibleCharactersAndKeepSlashesAndOtherScripts() {
        CountrySource.Row row = new CountrySource.Row(1, "Côte\u00a0d'Ivoire", "CI", "Côte d'Ivoire",
                "Republic of Côte d'Ivoire", List.of("Ivory Coast", "Cote d'Ivoire"), "Africa", "Western Africa",
                "current", List.of(), "West African country; \"quoted\" and a/b.\u00a0");

        assertThat(CountryNames.json(row, Map.of("zh", "科特迪瓦"))).isEqualTo("{\"code\":\"CI\",\"name\":\"Côte "
                + "d'Ivoire\",\"officialName\":\"Republic of Côte d'Ivoire\",\"aliases\":[\"Ivory Coast\",\"Cote "
                + "d'Ivoire\"],\"names\":{\"zh\":\"科特迪瓦\"},\"region\":\"Africa\",\"subregion\":\"Western Africa\","
                + "\"status\":\"current\",\"successors\":[],\"summary\":\"West African country; \\\"quoted\\\" and "
                + "a/b.\\u00a0\"}");
    }

    @Test
    void theLanguagesOfNamesAreASettingWithTheWholeListAsDefault() {
        assertThat(CountryNames.languages(null)).startsWith("zh", "zh-Hant").contains("hi", "bn", "id", "tr", "it",
                "vi", "fa", "ur", "sw");
        assertThat(CountryNames.languages("zh,hi,fa")).containsExactly("zh", "hi", "fa");
        assertThatIllegalArgumentException().isThrownBy(() -> CountryNames.languages("hi,fa"))
            .withMessageContaining("must include zh");
        assertThatIllegalArgumentException().isThrownBy(() -> CountryNames.languages("zh,hi,,fa"))
            .withMessageContaining("'' is not a BCP 47 language tag");
        assertThatIllegalArgumentException().isThrownBy(() -> CountryNames.languages("zh,hi,hi"))
            .withMessageContaining("twice");
    }

    @Test
    void aNameInTheWrongScriptIsNoNameOfItsLanguage() {
        assertThat(CountryNames.inExpectedScript("भारत", "hi")).isTrue();
        assertThat(CountryNames.inExpectedScript("India", "hi")).isFalse();
        assertThat(CountryNames.inExpectedScript("ভারত", "bn")).isTrue();
        assertThat(CountryNames.inExpectedScript("भारत", "bn")).isFalse();
        assertThat(CountryNames.inExpectedScript("ایران", "fa")).isTrue();
        assertThat(CountryNames.inExpectedScript("بھارت", "ur")).isTrue();
        assertThat(CountryNames.inExpectedScript("Iran", "ur")).isFalse();
        assertThat(CountryNames.inExpectedScript("Ấn Độ", "vi")).isTrue();
    }
}
