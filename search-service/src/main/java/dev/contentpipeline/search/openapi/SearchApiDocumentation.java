package dev.contentpipeline.search.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (and {@code .yaml}): what the API is. Each endpoint's package
 * says what its parameters are, with {@link ApiDescriptions}.
 */
@Configuration(proxyBeanMethods = false)
class SearchApiDocumentation {

    @Bean
    OpenAPI searchOpenApi() {
        return new OpenAPI().info(new Info().title("Content pipeline search API").version("1").description(
                "Full-text search over published articles and country records: typo tolerance, prefix search on "
                        + "the last word, \"phrases\", -exclusions and OR; facets, sorting, pages and cursors; "
                        + "search as you type. Unknown parameters and bad values get a 400 problem listing each."));
    }
}
