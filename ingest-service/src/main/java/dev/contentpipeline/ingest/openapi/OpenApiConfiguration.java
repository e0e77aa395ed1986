package dev.contentpipeline.ingest.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The OpenAPI description at /v3/api-docs (and /v3/api-docs.yaml): springdoc reads the controllers; this adds
 * what they cannot say: the API key, and the problem answers every write may get.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";
    private static final String PROBLEM = "application/problem+json";

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid: every field error in `errors`; nothing was published",
            "401", "No API key, or an unknown one",
            "403", "The key lacks the write scope",
            "413", "The body is over its size limit, or a bulk over its line limit",
            "415", "Not JSON (NDJSON for bulk), or not UTF-8",
            "429", "The key is over its rate limit; see Retry-After",
            "503", "The broker (or Elasticsearch, for status) did not answer in time, or other bulk requests held all "
                    + "the room for bulk bodies; see Retry-After");

    @Bean
    OpenAPI ingestOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Content pipeline ingest API").version("1")
                        .description("Publishes articles and country records to Kafka. Answers 202 only once the "
                                + "broker acknowledged; ?wait=searchable also waits until a search finds the version."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API key with the write scope"))
                        .addSchemas("Problem", new Schema<>().type("object").description("RFC 9457 problem details")
                                .addProperty("type", new Schema<>().type("string"))
                                .addProperty("title", new Schema<>().type("string"))
                                .addProperty("status", new Schema<>().type("integer"))
                                .addProperty("detail", new Schema<>().type("string"))
                                .addProperty("errors", new Schema<>().type("array").items(new Schema<>().type("object")
                                        .addProperty("field", new Schema<>().type("string"))
                                        .addProperty("message", new Schema<>().type("string"))))))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                PROBLEMS.forEach((status, description) -> {
                    if (operation.getResponses().get(status) == null) {
                        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                                .content(new Content().addMediaType(PROBLEM, new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/Problem")))));
                    }
                })));
    }
}
