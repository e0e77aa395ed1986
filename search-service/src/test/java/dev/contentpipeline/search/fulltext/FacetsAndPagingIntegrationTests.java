package dev.contentpipeline.search.fulltext;

import dev.contentpipeline.search.AgainstElasticsearch;
import dev.contentpipeline.search.SearchFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Facets, filters, sorting, pages and cursors of the search API on a real Elasticsearch. */
class FacetsAndPagingIntegrationTests extends AgainstElasticsearch {

    @Test
    void countsEveryFacet() throws Exception {
        JsonNode facets = search("lantern", "").get("facets");
        assertThat(counts(facets, "type")).containsExactlyEntriesOf(Map.of("article", 30L));
        assertThat(counts(facets, "country")).containsEntry("CN", 15L).containsEntry("FI", 15L);
        assertThat(facets.at("/country/0/label").asString()).isIn("China", "Finland");
        assertThat(counts(facets, "region")).containsEntry("Asia", 15L).containsEntry("Europe", 15L);
        assertThat(counts(facets, "tag")).containsEntry("night", 20L).containsEntry("river", 10L);
        assertThat(counts(facets, "language")).containsExactlyEntriesOf(Map.of("en", 30L));
        assertThat(counts(facets, "year")).containsEntry("2024", 15L).containsEntry("2025", 15L);
        assertThat(counts(search("steppe", "").get("facets"), "type"))
                .containsEntry("article", 2L).containsEntry("country", 1L);
    }

    @Test
    void countsOnlyTheFacetsAskedFor() throws Exception {
        JsonNode some = search("lantern", "&facets=tag,year&tag=river");
        assertThat(some.get("facets").propertyNames()).containsExactly("tag", "year");
        assertThat(counts(some.get("facets"), "tag")).containsEntry("night", 20L).containsEntry("river", 10L);
        assertThat(counts(some.get("facets"), "year")).as("under the tag filter").containsEntry("2024", 5L);
        assertThat(some.get("total").asLong()).isEqualTo(10);
        JsonNode none = search("lantern", "&facets=none&tag=river");
        assertThat(none.get("facets").isEmpty()).isTrue();
        assertThat(ids(none)).isEqualTo(ids(some));
        assertThat(none.get("total").asLong()).isEqualTo(10);
    }

    @Test
    void filtersNarrowTheHitsWhileEachFacetCountsUnderTheOthers() throws Exception {
        JsonNode river = search("lantern", "&tag=river");
        assertThat(river.get("total").asLong()).isEqualTo(10);
        assertThat(river.get("totalExact").asBoolean()).isTrue();
        assertThat(counts(river.get("facets"), "tag")).as("its own filter left out")
                .containsEntry("night", 20L).containsEntry("river", 10L);
        assertThat(river.at("/facets/tag").valueStream().filter(v -> v.get("selected").asBoolean())
                .map(v -> v.get("value").asString())).containsExactly("river");
        assertThat(counts(river.get("facets"), "country")).containsEntry("CN", 5L).containsEntry("FI", 5L);
        assertThat(search("lantern", "&tag=river&tag=night").get("total").asLong()).as("values are alternatives")
                .isEqualTo(25);
        assertThat(search("lantern", "&tag=river&country=CN").get("total").asLong()).isEqualTo(5);
    }

    @Test
    void filtersByTypeCountryRegionLanguageAndYear() throws Exception {
        assertThat(ids(search("china", "&type=country"))).as("the name before a mention").containsExactly("CN", "MN");
        assertThat(ids(search("steppe", "&country=MN"))).containsExactlyInAnyOrder("MN", "yurt-life",
                "scattered-words");
        assertThat(ids(search("steppe", "&region=asia&type=article"))).as("articles of the region's countries")
                .containsExactlyInAnyOrder("yurt-life", "scattered-words");
        assertThat(ids(search("steppe", "&region=Europe"))).isEmpty();
        assertThat(ids(search("鹤岗", "&language=zh"))).containsExactly("hegang-zh");
        assertThat(ids(search("quokka OR yurt OR lighthouse", "&year=2023"))).containsExactlyInAnyOrder(
                "quokka-ornithopter", "yurt-life");
        JsonNode none = search("lantern", "&year=2019");
        assertThat(none.get("total").asLong()).isZero();
        assertThat(counts(none.get("facets"), "year")).as("a selected value stays, at zero")
                .containsEntry("2019", 0L).containsEntry("2024", 15L);
    }

    @Test
    void sortsByRelevanceDateAndTitle() throws Exception {
        assertThat(ids(search("lantern", "&sort=newest&size=3"))).containsExactly("lantern-30", "lantern-29",
                "lantern-28");
        assertThat(ids(search("lantern", "&sort=oldest&size=3"))).containsExactly("lantern-01", "lantern-02",
                "lantern-03");
        assertThat(ids(search("lantern", "&sort=title&size=2"))).containsExactly("lantern-01", "lantern-02");
        assertThat(ids(search("hegang", "&sort=newest"))).as("鹤岗 is a synonym of hegang")
                .containsExactly("hegang-zh", "hegang-hot-pot", "hegang-coal-town");
        assertThat(ids(search("steppe", "&sort=title"))).as("articles and countries in one order, case ignored")
                .containsExactly("yurt-life", "MN", "scattered-words");
        assertThat(search("lantern", "&sort=title").get("sort").asString()).isEqualTo("title");
    }

    @Test
    void pagesStayWithinTheWindowAndCursorsGoOnFromThere() throws Exception {
        for (String sort : List.of("relevance", "newest", "oldest", "title")) {
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= 5; page++) {
                JsonNode result = search("lantern", "&size=7&sort=" + sort + "&page=" + page);
                assertThat(result.get("page").asInt()).isEqualTo(page);
                paged.addAll(ids(result));
            }
            List<String> followed = new ArrayList<>();
            JsonNode result = search("lantern", "&size=7&sort=" + sort);
            followed.addAll(ids(result));
            int answers = 1;
            while (!result.get("nextCursor").isNull()) {
                result = search("lantern", "&size=7&cursor=" + result.get("nextCursor").asString());
                assertThat(result.get("page").isNull()).isTrue();
                followed.addAll(ids(result));
                answers++;
            }
            assertThat(answers).isEqualTo(5);
            assertThat(followed).as(sort).hasSize(SearchFixture.LANTERNS).doesNotHaveDuplicates()
                    .containsExactlyElementsOf(paged);
        }
        JsonNode last = search("lantern", "&size=10&page=3");
        assertThat(last.get("hits").size()).isEqualTo(10);
        assertThat(last.get("nextCursor").isNull()).isTrue();
        assertThat(search("lantern", "&size=100&page=100").get("hits").size()).as("the window's edge").isZero();
    }

    private static Map<String, Long> counts(JsonNode facets, String facet) {
        Map<String, Long> counts = new HashMap<>();
        facets.get(facet).forEach(v -> counts.put(v.get("value").asString(), v.get("count").asLong()));
        return counts;
    }
}
