package dev.contentpipeline.search.fulltext;

import dev.contentpipeline.model.Violation;
import dev.contentpipeline.search.problems.BadSearchRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.contentpipeline.search.fulltext.SearchQueryFactoryTests.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SearchParametersTests {

    @Test
    void readsFiltersSortAndPage() {
        SearchParameters params = params("q", "  hot pot ", "country", "cn", "region", "asia", "tag", "food",
                "tag", "food", "language", "zh-Hant", "year", "2026", "sort", "oldest", "page", "2", "size", "25");
        assertThat(params.query()).isEqualTo("hot pot");
        assertThat(params.filters().get(Facet.COUNTRY)).containsExactly("CN");
        assertThat(params.filters().get(Facet.REGION)).containsExactly("Asia");
        assertThat(params.filters().get(Facet.TAG)).containsExactly("food");
        assertThat(params.sorting()).isEqualTo(Sorting.OLDEST);
        assertThat(params.from()).isEqualTo(25);
        assertThat(params("q", "x").size()).isEqualTo(10);
        assertThat(params("q", "x").sorting()).isEqualTo(Sorting.RELEVANCE);
    }

    @Test
    void listsEveryMistakeAtOnce() {
        List<Violation> violations = catchThrowableOfType(BadSearchRequestException.class, () -> params(
                "q", "", "colour", "red", "type", "video", "country", "XX", "region", "Atlantis", "language", "english",
                "year", "26", "sort", "best", "page", "0", "size", "abc", "facets", "type,colour")).violations();
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder(
                "colour", "q", "type", "country", "region", "language", "year", "sort", "page", "size", "facets");
        assertThat(violations).filteredOn(v -> v.field().equals("region")).first().extracting(Violation::message)
                .asString().contains("Asia, Europe");
        assertThat(violations).filteredOn(v -> v.field().equals("colour")).first().extracting(Violation::message)
                .asString().contains("q, sort, page, size, cursor, type, country, region, tag, language, year, facets");
    }

    @Test
    void pagingStaysInsideTheWindowAndCursorsStayWithTheirQuery() {
        assertThatThrownBy(() -> params("q", "x", "page", "101", "size", "100"))
                .isInstanceOf(BadSearchRequestException.class);
        assertThat(params("q", "x", "page", "100", "size", "100").from()).isEqualTo(9_900);
        SearchParameters first = params("q", "x", "sort", "newest");
        String cursor = new Cursor(Sorting.NEWEST, first.fingerprint(), List.of(
                co.elastic.clients.elasticsearch._types.FieldValue.of(1L),
                co.elastic.clients.elasticsearch._types.FieldValue.of(1.5),
                co.elastic.clients.elasticsearch._types.FieldValue.of("article"),
                co.elastic.clients.elasticsearch._types.FieldValue.of("a")), false).encode();
        SearchParameters next = params("q", "x", "cursor", cursor);
        assertThat(next.sorting()).isEqualTo(Sorting.NEWEST);
        assertThat(next.page()).isNull();
        for (String[] wrong : List.of(new String[] {"q", "y", "cursor", cursor},
                new String[] {"q", "x", "cursor", cursor, "sort", "title"},
                new String[] {"q", "x", "cursor", cursor, "page", "2"},
                new String[] {"q", "x", "cursor", "bm90IGEgY3Vyc29y"},
                new String[] {"q", "x", "cursor", "%%%"},
                new String[] {"q", "x", "cursor", cursor, "tag", "food"})) {
            assertThat(catchThrowableOfType(BadSearchRequestException.class, () -> params(wrong)).violations())
                    .extracting(Violation::field).containsExactly("cursor");
        }
    }

    @Test
    void parametersGivenTwiceAreRefused() {
        assertThat(catchThrowableOfType(BadSearchRequestException.class, () -> params("q", "a", "q", "b", "size",
                "1", "size", "2")).violations()).extracting(Violation::field).containsExactly("q", "size");
    }
}
