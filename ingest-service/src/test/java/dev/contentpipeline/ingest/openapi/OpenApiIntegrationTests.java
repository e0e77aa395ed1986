package dev.contentpipeline.ingest.openapi;

import dev.contentpipeline.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIntegrationTests extends IngestIntegrationTestSupport {

    @Test
    void theServiceDescribesItsApiAsOpenApiJsonAndYaml() throws Exception {
        HttpResponse<String> response = send(request("/v3/api-docs", null, null).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode api = json(response);
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("paths").propertyNames()).contains("/api/articles/{id}", "/api/countries/{code}",
                "/api/bulk", "/api/status/{type}/{id}");
        JsonNode put = api.get("paths").get("/api/articles/{id}").get("put");
        assertThat(put.get("requestBody").get("content").get("application/json").get("schema").toString())
                .contains("Article");
        assertThat(put.get("responses").propertyNames()).contains("202", "400", "401", "413", "429", "503");
        assertThat(put.get("responses").get("202").get("content").get("application/json").get("schema").toString())
                .contains("Receipt");
        // read from the request by the controller, declared for the documentation (README, round 40)
        assertThat(put.get("parameters").valueStream()
                .map(p -> p.get("in").asString() + ":" + p.get("name").asString()))
                .contains("path:id", "header:If-Match", "query:wait", "query:timeout");
        JsonNode delete = api.get("paths").get("/api/countries/{code}").get("delete");
        assertThat(delete.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("code", "If-Match", "version", "wait", "timeout");
        assertThat(api.get("components").get("securitySchemes").get("apiKey").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.get("components").get("schemas").get("Article").get("properties").propertyNames())
                .contains("id", "title", "body", "publishedAt", "version");

        HttpResponse<String> yaml = send(request("/v3/api-docs.yaml", null, null).GET());
        assertThat(yaml.statusCode()).isEqualTo(200);
        Map<String, Object> parsed = new Yaml().load(yaml.body());
        assertThat(parsed).containsKeys("openapi", "paths", "components");
    }
}
