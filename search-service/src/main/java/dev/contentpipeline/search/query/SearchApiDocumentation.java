package dev.contentpipeline.search.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI description at {@code /v3/api-docs} (and {@code .yaml}). The controllers read their parameters by
 * hand, to answer every mistake with a 400; this says what the parameters are.
 */
@Configuration(proxyBeanMethods = false)
class SearchApiDocumentation {

    private static final String PROBLEM = "application/problem+json";

    @Bean
    OpenAPI searchOpenApi() {
        return new OpenAPI().info(new Info().title("Content pipeline search API").version("1").description(
                "Full-text search over published articles and country records: typo tolerance, prefix search on "
                        + "the last word, \"phrases\", -exclusions and OR; facets, sorting, pages and cursors; "
                        + "search as you type. Unknown parameters and bad values get a 400 problem listing each."));
    }

    @Bean
    OpenApiCustomizer searchParameters() {
        return openApi -> {
            describe(openApi.getPaths().get("/api/search"), "Search articles and countries", List.of(
                    text("q", true, "What to search for, at most " + SearchParameters.MAX_QUERY_LENGTH
                            + " characters: words (one typo forgiven from " + SearchFields.ONE_TYPO_FROM
                            + " letters, two from " + SearchFields.TWO_TYPOS_FROM + "; the last word also as a "
                            + "prefix), \"exact phrases\", -excluded words, OR between two terms. Only the first "
                            + QueryParser.MAX_TERMS + " terms count.", null),
                    repeated("type", "article or country"),
                    repeated("country", "ISO 3166-1 alpha-2 code: articles about it, and the country itself"),
                    repeated("region", "A region such as Europe: its countries and the articles about them"),
                    repeated("tag", "An article tag"),
                    repeated("language", "An article's BCP 47 language tag, such as en or zh"),
                    repeated("year", "The year an article was published, such as 2026"),
                    text("sort", false, "relevance (default), newest, oldest or title", Sorting.wireNames()),
                    number("page", "From 1; page × size at most " + SearchParameters.MAX_WINDOW, 1,
                            SearchParameters.MAX_WINDOW),
                    number("size", "Hits per page", 1, 100),
                    text("cursor", false, "nextCursor of the previous answer, to go on past any depth; "
                            + "send the same q, filters and sort, and no page", null)));
            describe(openApi.getPaths().get("/api/suggest"), "Titles and country names as you type", List.of(
                    text("q", false, "What was typed so far, at most " + SuggestController.MAX_QUERY_LENGTH
                            + " characters; empty gives no suggestions", null),
                    repeated("type", "article or country"),
                    number("size", "Suggestions, default " + SuggestController.DEFAULT_SIZE, 1,
                            SuggestController.MAX_SIZE)));
        };
    }

    private static void describe(PathItem path, String summary, List<Parameter> parameters) {
        if (path == null || path.getGet() == null) {
            return;
        }
        Operation get = path.getGet().summary(summary).parameters(new ArrayList<>(parameters));
        get.getResponses().addApiResponse("400", new ApiResponse()
                .description("A parameter to fix: each is listed under errors, with what to change")
                .content(new Content().addMediaType(PROBLEM, new MediaType().schema(problem()))));
        get.getResponses().addApiResponse("503", new ApiResponse()
                .description("Elasticsearch is out of reach or overloaded; see Retry-After")
                .content(new Content().addMediaType(PROBLEM, new MediaType().schema(problem()))));
    }

    private static Parameter text(String name, boolean required, String description, String values) {
        StringSchema schema = new StringSchema();
        if (values != null) {
            List.of(values.split(", ")).forEach(schema::addEnumItem);
        }
        return new Parameter().in("query").name(name).required(required).description(description).schema(schema);
    }

    private static Parameter repeated(String name, String description) {
        return new Parameter().in("query").name(name).description(description
                + ". Repeat the parameter for any of several values.").explode(true)
                .schema(new ArraySchema().items(new StringSchema()));
    }

    private static Parameter number(String name, String description, int min, int max) {
        return new Parameter().in("query").name(name).description(description)
                .schema(new IntegerSchema().minimum(java.math.BigDecimal.valueOf(min))
                        .maximum(java.math.BigDecimal.valueOf(max)));
    }

    private static Schema<?> problem() {
        return new Schema<>().type("object").description("RFC 9457 problem details")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new Schema<>().type("object")
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }
}
