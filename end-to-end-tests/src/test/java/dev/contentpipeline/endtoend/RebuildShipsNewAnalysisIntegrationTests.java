package dev.contentpipeline.endtoend;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;
import dev.contentpipeline.client.SearchClient;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.IngestApiKey;
import dev.contentpipeline.model.IndexDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deployment made before the v3 definitions (its indices created from the v2 JSON kept under
 * {@code definitions-v2/}, as IndexBootstrap made them) gets v3's analysis by a rebuild, and by nothing else:
 * Persian, Urdu and Hindi names typed the way many readers type them do not find their country under v2,
 * then find it at rank 1 once {@code POST /api/rebuilds} has swapped the aliases to v3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildShipsNewAnalysisIntegrationTests {

    private static final Duration GENEROUS = Duration.ofMinutes(3);

    /**
     * A variant spelling of a CLDR name in countries.ndjson, and the country's code. Not a Bengali য় typed as one
     * code point: search-service's NFC already makes it য + nukta, so v2 finds it too.
     */
    private static final Map<String, String> VARIANTS = Map.of(
            "پاكستان", "PK", // fa and ur پاکستان with the Arabic kaf
            "البانيه", "AL", // ur البانیہ with the Arabic heh and yeh
            "अफगानिस्तान", "AF", // hi अफ़गानिस्तान without the nukta
            // fa لیختن‌اشتاین with a space for the ZWNJ (search-service's query parser makes one of a ZWNJ too)
            "لیختن اشتاین", "LI");

    private String scenario;
    private RunningServices services;
    private SearchClient search;
    private RebuildCalls rebuilds;

    @BeforeAll
    void startServicesOnVersion2Indices() throws Exception {
        scenario = "ship-v3-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        createVersion2("articles");
        createVersion2("countries");
        IngestApiKey key = IngestApiKey.random("shipv3");
        Map<String, String> settings = new HashMap<>(key.adminEnvironment("INDEX"));
        settings.put("CONTENT_TOPICS_ARTICLES", scenario + ".articles");
        settings.put("CONTENT_TOPICS_COUNTRIES", scenario + ".countries");
        settings.put("CONTENT_ALIASES_ARTICLES", scenario + "-articles");
        settings.put("CONTENT_ALIASES_COUNTRIES", scenario + "-countries");
        settings.put("SPRING_KAFKA_CONSUMER_GROUP_ID", scenario);
        services = RunningServices.start(scenario, key, settings, GENEROUS);
        search = new SearchClient(services.searchUrl());
        rebuilds = new RebuildCalls(services.indexUrl(), key.authorization());
        IngestClient ingest = new IngestClient(services.ingestUrl(), key.key(), Duration.ofSeconds(30));
        for (String code : List.copyOf(VARIANTS.values())) {
            assertThat(ingest.put(IngestClient.Kind.COUNTRIES, code, sampleCountry(code)).status()).isEqualTo(202);
        }
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(500)).until(() ->
                VARIANTS.values().stream().allMatch(code -> search.record(IngestClient.Kind.COUNTRIES, code).is(200)));
    }

    @AfterAll
    void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theRebuildMovesAVersion2DeploymentToVersion3AndItsAnalysis() {
        assertThat(behind(scenario + "-countries")).isEqualTo(scenario + "-countries-v2");
        VARIANTS.forEach((variant, code) -> assertThat(firstHit(variant)).as("v2 on %s", variant).isNotEqualTo(code));

        rebuilds.rebuild();
        List<JsonNode> reports = rebuilds.awaitEnd(GENEROUS);

        assertThat(reports.get(reports.size() - 1).path("state").asString()).as(reports.toString()).isEqualTo("done");
        assertThat(behind(scenario + "-countries")).isEqualTo(
                IndexDefinition.COUNTRIES.physicalName(scenario + "-countries"));
        assertThat(behind(scenario + "-articles")).isEqualTo(
                IndexDefinition.ARTICLES.physicalName(scenario + "-articles"));
        VARIANTS.forEach((variant, code) -> assertThat(firstHit(variant)).as("v3 on %s", variant).isEqualTo(code));
    }

    private String firstHit(String query) {
        Answer answer = search.search(query, "&size=1");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode hits = answer.json().get("hits");
        return hits.isEmpty() ? null : hits.get(0).get("id").asString();
    }

    /** The index as IndexBootstrap made it before v3: the v2 definition, behind the alias, written through it. */
    private void createVersion2(String type) {
        String index = scenario + "-" + type + "-v2";
        String definition;
        try (InputStream in = getClass().getResourceAsStream("/definitions-v2/" + type + ".json")) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(send("PUT", "/" + index, definition).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/" + index + "/_alias/" + scenario + "-" + type, "{\"is_write_index\":true}")
                .statusCode()).isEqualTo(200);
    }

    private static String sampleCountry(String code) throws IOException {
        Path countries = Path.of(System.getProperty("pipeline.sample-content"), "countries.ndjson");
        return Files.readAllLines(countries, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("{\"code\":\"" + code + "\"")).findFirst().orElseThrow();
    }

    private static String behind(String alias) {
        return JsonMapper.shared().readTree(send("GET", "/_alias/" + alias, null).body()).propertyNames().iterator()
                .next();
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        return elasticsearch.send(elasticsearch.request(path).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }
}
