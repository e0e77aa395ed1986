package dev.contentpipeline.search.suggest;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static dev.contentpipeline.search.openapi.ApiDescriptions.describe;
import static dev.contentpipeline.search.openapi.ApiDescriptions.number;
import static dev.contentpipeline.search.openapi.ApiDescriptions.repeated;
import static dev.contentpipeline.search.openapi.ApiDescriptions.text;

/** What {@code GET /api/suggest} takes, for the OpenAPI description: {@link SuggestController} reads it by hand. */
@Configuration(proxyBeanMethods = false)
class SuggestDocumentation {

    @Bean
    OpenApiCustomizer suggestParameters() {
        return openApi -> describe(openApi.getPaths().get("/api/suggest"), "Titles and country names as you type",
                List.of(text("q", false, "What was typed so far, at most " + SuggestController.MAX_QUERY_LENGTH
                                + " characters; empty gives no suggestions", null),
                        repeated("type", "article or country"),
                        number("size", "Suggestions, default " + SuggestController.DEFAULT_SIZE, 1,
                                SuggestController.MAX_SIZE)));
    }
}
