package dev.contentpipeline.search.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * How an endpoint describes its query parameters in the OpenAPI description. The controllers read their
 * parameters by hand, to answer every mistake with a 400, so springdoc cannot see them: each says what they are.
 */
public final class ApiDescriptions {

    private static final String PROBLEM = "application/problem+json";

    private ApiDescriptions() {
    }

    /** The GET of the path: its summary, its parameters, and the 400 and 503 problems it may answer. */
    public static void describe(PathItem path, String summary, List<Parameter> parameters) {
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

    /** @param values the values allowed, comma-separated; null for any text */
    public static Parameter text(String name, boolean required, String description, String values) {
        StringSchema schema = new StringSchema();
        if (values != null) {
            List.of(values.split(", ")).forEach(schema::addEnumItem);
        }
        return new Parameter().in("query").name(name).required(required).description(description).schema(schema);
    }

    public static Parameter repeated(String name, String description) {
        return new Parameter().in("query").name(name).description(description
                + ". Repeat the parameter for any of several values.").explode(true)
                .schema(new ArraySchema().items(new StringSchema()));
    }

    public static Parameter number(String name, String description, int min, int max) {
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
