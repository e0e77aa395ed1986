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
    }

    @Test
    void groupsCodesByRegion() {
        assertThat(countries.regions()).containsExactly("Africa", "Europe");
        assertThat(countries.codesByRegion().get("Africa")).containsExactlyInAnyOrder("SD", "SS", "CI");
        assertThat(countries.name("CI")).isEqualTo("Côte d'Ivoire");
    }

    private String code(String query) {
        return countries.namedIn(QueryParser.parse(query)).map(CountryCard::code).orElse(null);
    }

    private static CountryCard card(String code, String name, String region) {
        return new CountryCard(code, name, name, region, null, "current", null, Map.of(),
                "/api/countries/" + code);
    }
}
