package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.contentpipeline.search.fulltext.TextQueries.Tolerance;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.contentpipeline.search.fulltext.SearchQueryFactoryTests.COUNTRIES;
import static dev.contentpipeline.search.fulltext.SearchQueryFactoryTests.NAMES;
import static dev.contentpipeline.search.fulltext.SearchQueryFactoryTests.PROPERTIES;
import static dev.contentpipeline.search.fulltext.SearchQueryFactoryTests.params;
import static org.assertj.core.api.Assertions.assertThat;

/** Bodies from a template are the very bytes the Java client writes for the same requests. */
class MultiSearchBodiesTests {

    /** Words short and long (typos from five letters, none past thirty), phrases, alternatives, exclusions, scripts. */
    private static final List<String> QUERIES = List.of(
            "hegang pot", "harbin soup", "pot", "x", "Hot pot against the winter", "hot pot hot",
            "\"hot pot\" -winter", "café OR coffee -\"tea house\"", "饺子 harbin", "中国", "Ελλάδα Κρήτη",
            "Saint Helena, Ascension and Tristan da Cunha", "naïve \"quoted\" back\\slash tab\there",
            "one two three four five six seven eight nine ten eleven twelve",
            "pneumonoultramicroscopicsilicovolcanoconiosis dust", "Eire", "côte d'ivoire", "-winter",
            "São Tomé", "a\u2028line", "emoji \uD83C\uDF72 broth", "private \uE000\uE101 use", "???");

    private final SearchQueryFactory factory = new SearchQueryFactory(PROPERTIES, NAMES);
    private final MultiSearchBodies bodies = new MultiSearchBodies(factory, new JacksonJsonpMapper());

    @Test
    void aBodyFromATemplateIsTheBodyTheClientWrites() {
        List<String[]> options = List.of(new String[0], new String[] {"facets", "none"},
                new String[] {"type", "article", "region", "Asia", "year", "2026", "page", "3", "sort", "newest"},
                new String[] {"country", "CN", "tag", "food", "language", "zh", "sort", "title", "size", "5"});
        int checked = 0;
        // Twice over: the first time writes the templates, the second fills them.
        for (int round = 0; round < 2; round++) {
            for (String query : QUERIES) {
                for (String[] more : options) {
                    List<String> parameters = new ArrayList<>(List.of("q", query));
                    parameters.addAll(List.of(more));
                    SearchParameters params = params(parameters.toArray(String[]::new));
                    for (Tolerance tolerance : Tolerance.values()) {
                        assertThat(text(bodies.body(params, COUNTRIES, tolerance)))
                                .as("%s %s %s, round %d", query, List.of(more), tolerance, round)
                                .isEqualTo(text(bodies.written(params, COUNTRIES, tolerance)));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(2 * QUERIES.size() * options.size() * Tolerance.values().length);
        assertThat(bodies.shapes()).as("templates, shared by searches that differ only in words")
                .isLessThan(QUERIES.size() * options.size() * Tolerance.values().length);
    }

    @Test
    void searchesThatDifferOnlyInTheirWordsShareATemplate() {
        bodies.body(params("q", "hegang pot"), COUNTRIES, Tolerance.AS_TYPED);
        bodies.body(params("q", "harbin soup"), COUNTRIES, Tolerance.AS_TYPED);
        assertThat(bodies.shapes()).isEqualTo(1);
        bodies.body(params("q", "harbin hotpot"), COUNTRIES, Tolerance.AS_TYPED);
        assertThat(bodies.shapes()).as("a last word that takes typos").isEqualTo(2);
        bodies.body(params("q", "harbin soup", "sort", "newest"), COUNTRIES, Tolerance.AS_TYPED);
        bodies.body(params("q", "harbin soup"), COUNTRIES, Tolerance.TYPOS);
        bodies.body(params("q", "哈尔滨 soup"), COUNTRIES, Tolerance.AS_TYPED);
        assertThat(bodies.shapes()).isEqualTo(5);
    }

    @Test
    void theTemplatesKeptAreBoundedWhateverShapesClientsAsk() {
        int asked = 0;
        long largest = 0;
        // Each tag filter is a shape of its own.
        while (asked < 2_000 && bodies.shapes() == asked) {
            bodies.body(params("q", "hegang pot", "tag", "tag-" + asked), COUNTRIES, Tolerance.AS_TYPED);
            asked++;
            largest = Math.max(largest, bodies.templateChars());
        }
        assertThat(bodies.shapes()).as("started again after %d shapes", asked).isLessThan(asked);
        assertThat(largest).isLessThanOrEqualTo(MultiSearchBodies.MOST_CHARS);
        SearchParameters params = params("q", "harbin soup", "tag", "tag-" + (asked - 1));
        assertThat(text(bodies.body(params, COUNTRIES, Tolerance.AS_TYPED)))
                .isEqualTo(text(bodies.written(params, COUNTRIES, Tolerance.AS_TYPED)));
    }

    @Test
    void aPageAfterACursorIsWrittenAsTheClientWritesIt() {
        SearchParameters first = params("q", "hegang pot", "sort", "title");
        String cursor = new Cursor(Sorting.TITLE, first.fingerprint(),
                List.of(FieldValue.of("hot pot"), FieldValue.of("article"), FieldValue.of("a")), false).encode();
        SearchParameters next = params("q", "hegang pot", "sort", "title", "cursor", cursor);

        assertThat(text(bodies.body(next, COUNTRIES, Tolerance.TYPOS)))
                .isEqualTo(text(bodies.written(next, COUNTRIES, Tolerance.TYPOS))).contains("\"search_after\"");
        assertThat(bodies.shapes()).as("a cursor's values are in the body: no template").isZero();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
