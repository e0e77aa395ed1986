package dev.contentpipeline.search.fulltext;

import dev.contentpipeline.search.SearchProperties;
import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.userquery.QueryParser;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static dev.contentpipeline.search.openapi.ApiDescriptions.describe;
import static dev.contentpipeline.search.openapi.ApiDescriptions.number;
import static dev.contentpipeline.search.openapi.ApiDescriptions.repeated;
import static dev.contentpipeline.search.openapi.ApiDescriptions.text;

/** What {@code GET /api/search} takes, for the OpenAPI description: {@link SearchController} reads it by hand. */
@Configuration(proxyBeanMethods = false)
class SearchDocumentation {

    @Bean
    OpenApiCustomizer searchParameters(SearchProperties properties) {
        return openApi -> describe(openApi.getPaths().get("/api/search"), "Search articles and countries", List.of(
                text("q", true, "What to search for, at most " + SearchParameters.MAX_QUERY_LENGTH
                        + " characters: words (one typo forgiven from " + SearchFields.ONE_TYPO_FROM
                        + " letters, two from " + SearchFields.TWO_TYPOS_FROM + typosWhen(properties)
                        + "; the last word also as a prefix), \"exact phrases\", -excluded words, OR between two"
                        + " terms. Only the first " + QueryParser.MAX_TERMS + " terms count.", null),
                repeated("type", "article or country"),
                repeated("country", "ISO 3166-1 alpha-2 code: articles about it, and the country itself"),
                repeated("region", "A region such as Europe: its countries and the articles about them"),
                repeated("tag", "An article tag"),
                repeated("language", "An article's BCP 47 language tag, such as en or zh"),
                repeated("year", "The year an article was published, such as 2026"),
                text("facets", false, "The facets to count, separated by commas (" + Facet.wireNames() + "), or "
                        + SearchParameters.NO_FACETS + "; every facet when left out. Counting costs a second pass "
                        + "over the matches: leave it out of the answer when nothing shows it.", null),
                text("sort", false, "relevance (default), newest, oldest or title", Sorting.wireNames()),
                number("page", "From 1; page × size at most " + SearchParameters.MAX_WINDOW, 1,
                        SearchParameters.MAX_WINDOW),
                number("size", "Hits per page", 1, 100),
                text("cursor", false, "nextCursor of the previous answer, to go on past any depth; "
                        + "send the same q, filters and sort, and no page", null)));
    }

    private static String typosWhen(SearchProperties properties) {
        return properties.typosBelow() == 0 ? ""
                : ", when the words as typed find fewer than " + properties.typosBelow() + " records";
    }
}
