package dev.contentpipeline.search.countries;

import dev.contentpipeline.search.userquery.QueryParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesTests {

    private final Countries countries = Countries.of(List.of(
            card("BY", "Belarus", "Europe"), card("SD", "Sudan", "Africa"), card("SS", "South Sudan", "Africa"),
            card("CI", "Côte d'Ivoire", "Africa")),
            Map.of("BY", List.of("Belarus", "White Russia", "白俄罗斯"), "SD", List.of("Sudan"),
                    "SS", List.of("South Sudan"), "CI", List.of("Côte d'Ivoire", "Ivory Coast")));

    @Test
    void findsTheCountryAQueryNames() {
        assertThat(code("bread in white russia")).isEqualTo("BY");
        assertThat(code("white russian")).isNull();
        assertThat(code("south sudan rains")).as("the longest name wins").isEqualTo("SS");
        assertThat(code("COTE D'IVOIRE")).isEqualTo("CI");
        assertThat(code("白俄罗斯的面包")).as("no spaces between Chinese words").isEqualTo("BY");
        assertThat(code("-belarus")).as("not an excluded one").isNull();
        assertThat(code("sudan")).isEqualTo("SD");
        assertThat(code("rains in south")).isNull();
        assertThat(code("belarus south sudan")).as("the longest name wins wherever it is").isEqualTo("SS");
    }

    @Test
    void looksUpNamesOfManyWordsAndNamesSharedByTwoCountries() {
        Countries shared = Countries.of(List.of(card("GB", "United Kingdom", "Europe"), card("IE", "Ireland", "Europe"),
                card("XA", "Atlantis", null), card("XB", "Atlantis", null)),
                Map.of("GB", List.of("United Kingdom of Great Britain and Northern Ireland", "UK", "英国"),
                        "IE", List.of("Ireland", "Éire", "爱尔兰"), "XA", List.of("Atlantis"), "XB", List.of("Atlantis")));
        assertThat(code(shared, "united kingdom of great britain and northern ireland"))
                .isEqualTo("GB");
        assertThat(code(shared, "northern ireland")).isEqualTo("IE");
        assertThat(code(shared, "uk")).as("a name of two letters is no match").isNull();
        assertThat(code(shared, "eire")).isEqualTo("IE");
        assertThat(code(shared, "atlantis")).as("of two countries with the name, the lower code").isEqualTo("XA");
        assertThat(code(shared, "英国和爱尔兰的茶")).as("the longer name").isEqualTo("IE");
        assertThat(code(shared, "英国茶")).isEqualTo("GB");
        assertThat(code(shared, "去爱尔兰")).isEqualTo("IE");
        assertThat(code(shared, "")).isNull();
    }

    @Test
    void groupsCodesByRegion() {
        assertThat(countries.regions()).containsExactly("Africa", "Europe");
        assertThat(countries.codesByRegion().get("Africa")).containsExactlyInAnyOrder("SD", "SS", "CI");
        assertThat(countries.name("CI")).isEqualTo("Côte d'Ivoire");
    }

    private String code(String query) {
        return code(countries, query);
    }

    private static String code(Countries countries, String query) {
        return countries.namedIn(QueryParser.parse(query)).map(CountryCard::code).orElse(null);
    }

    private static CountryCard card(String code, String name, String region) {
        return new CountryCard(code, name, name, region, null, "current", null, Map.of(),
                "/api/countries/" + code);
    }
}
