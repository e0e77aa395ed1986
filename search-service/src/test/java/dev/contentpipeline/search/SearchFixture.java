package dev.contentpipeline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import dev.contentpipeline.connections.ElasticsearchClients;
import dev.contentpipeline.connections.ElasticsearchSettings;
import dev.contentpipeline.localstack.ElasticsearchAccess;
import dev.contentpipeline.localstack.Infrastructure;
import dev.contentpipeline.localstack.PipelineService;
import dev.contentpipeline.model.IndexDefinition;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indices of the search-service tests, created from content-model's definitions under test aliases and filled
 * once per JVM with documents shaped as index-service writes them: the record's fields plus type, id, version and
 * deleted.
 */
public final class SearchFixture {

    public static final String ARTICLES = "it-search-articles";
    public static final String COUNTRIES = "it-search-countries";
    /** Articles that all say "lantern", for paging, cursors and the exactness of totals. */
    public static final int LANTERNS = 30;
    /** Below {@link #LANTERNS}, so that the lantern total is a lower bound. */
    static final int TRACK_TOTAL_HITS_UP_TO = 25;

    private static boolean loaded;

    private SearchFixture() {
    }

    static void properties(DynamicPropertyRegistry registry) {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        elasticsearch.properties(elasticsearch.user(PipelineService.SEARCH, ARTICLES, COUNTRIES))
            .forEach((name, value) -> registry.add(name, () -> value));
        registry.add("content.aliases.articles", () -> ARTICLES);
        registry.add("content.aliases.countries", () -> COUNTRIES);
        registry.add("search.track-total-hits-up-to", () -> TRACK_TOTAL_HITS_UP_TO);
        registry.add("search.countries-refresh", () -> "0s");
        // The tests send hundreds of requests from one address; ClientRateLimitIntegrationTests checks the limit.
        registry.add("search.client-rate-limit.requests-per-second", () -> "100000");
        registry.add("search.client-rate-limit.burst", () -> "100000");
    }

    /** A client as Elasticsearch's operator: the service's own user may only read. */
    static ElasticsearchClient operatorClient() {
        ElasticsearchAccess elasticsearch = Infrastructure.shared().elasticsearch();
        return ElasticsearchClients.create(ElasticsearchSettings.of(elasticsearch.url(),
                elasticsearch.operator().username(), elasticsearch.operator().password(),
                elasticsearch.caCertificate()));
    }

    static synchronized void load() throws IOException {
        if (loaded) {
            return;
        }
        ElasticsearchClient client = operatorClient();
        create(client, IndexDefinition.ARTICLES, ARTICLES);
        create(client, IndexDefinition.COUNTRIES, COUNTRIES);
        List<Map<String, Object>> articles = new ArrayList<>(List.of(
                article("hegang-hot-pot", "Hot pot against the Hegang winter", "Broth at thirty below.",
                        "In Hegang the <b>huoguo</b> simmers all winter, with kimchi on the side.", "en",
                        List.of("CN"), List.of("food", "winter"), "2026-01-01"),
                article("hegang-coal-town", "Hegang, a coal town that shrank well", null,
                        "Cheap flats drew remote workers to Hegang after the coal mines closed.", "en", List.of("CN"),
                        List.of("housing"), "2025-06-01"),
                article("market-stalls", "Markets of the north", null,
                        "One stall sold a pot of honey; far down the lane, a hot grill of mutton. The hot pot came later.",
                        "en", List.of("MN"), List.of("food"), "2024-03-01"),
                article("scattered-words", "Notes from the steppe", null,
                        "The pot was old. Many weeks later, in another town, the tea was hot.", "en", List.of("MN"),
                        List.of("food"), "2024-04-01"),
                article("lighthouse-keepers", "The lighthouse keepers of Åland", null,
                        "Families kept the lamps burning through every storm.", "en", List.of("FI", "AX"),
                        List.of("sea"), "2025-09-01"),
                article("harbour-day", "A day at the harbour", null,
                        "Fishing boats, a ferry and, on the point, an old lighthouse.", "en", List.of("FI"),
                        List.of("sea"), "2025-09-02"),
                article("quokka-ornithopter", "Quokka and the ornithopter", null,
                        "A children's story about a quokka who builds an ornithopter.", "en", List.of("AU"),
                        List.of("stories"), "2023-05-05"),
                article("yurt-life", "Life in a yurt", null, "Felt walls, a stove and a view of the steppe.", "en",
                        List.of("MN"), List.of("housing"), "2023-07-07"),
                article("reed-dance", "Umhlanga: the reed dance of Eswatini", null,
                        "Young women cut reeds and dance before the queen mother.", "en", List.of("SZ"),
                        List.of("festival"), "2025-08-20"),
                article("hegang-zh", "鹤岗：一座煤城的慢生活实验", null, "房价低廉、冬季漫长的黑龙江鹤岗。", "zh",
                        List.of("CN"), List.of("housing"), "2026-02-01"),
                // One typo from "paper", which the thirty lantern articles have as typed.
                article("taper-candles", "Hand-dipped candles", null,
                        "Beeswax, a wick and patience: one taper takes an afternoon to dip.", "en", List.of("FI"),
                        List.of("craft"), "2025-10-10")));
        for (int i = 1; i <= LANTERNS; i++) {
            articles.add(article("lantern-%02d".formatted(i), "Lantern night %02d".formatted(i), null,
                    "Paper lanterns float over the river, night " + i + ".", "en",
                    List.of(i % 2 == 0 ? "CN" : "FI"), List.of(i % 3 == 0 ? "river" : "night"),
                    LocalDate.of(2024, 1, 1).plusDays(i * 23L).toString()));
        }
        Map<String, Object> gone = new LinkedHashMap<>(Map.of("type", "article", "id", "gone", "version", 3,
                "deleted", true));
        List<Map<String, Object>> countries = List.of(
                country("BY", "Belarus", "Republic of Belarus", List.of("White Russia", "Byelorussia"), "白俄罗斯",
                        "Europe", "Eastern Europe", "Landlocked country in Eastern Europe; capital Minsk."),
                country("CN", "China", "People's Republic of China", List.of("PRC"), "中国", "Asia", "Eastern Asia",
                        "East Asian country whose capital is Beijing."),
                country("MN", "Mongolia", "Mongolia", List.of(), "蒙古国", "Asia", "Eastern Asia",
                        "Landlocked country of steppe and yurts between China and Russia."),
                country("FI", "Finland", "Republic of Finland", List.of("Suomi"), "芬兰", "Europe", "Northern Europe",
                        "Nordic country with thousands of lakes."),
                country("SZ", "Eswatini", "Kingdom of Eswatini", List.of("Swaziland"), "斯威士兰", "Africa",
                        "Southern Africa", "Small landlocked kingdom in southern Africa."));
        BulkResponse response = client.bulk(b -> {
            articles.forEach(doc -> b.operations(o -> o.index(i -> i.index(ARTICLES).id((String) doc.get("id"))
                    .document(doc))));
            b.operations(o -> o.index(i -> i.index(ARTICLES).id("gone").document(gone)));
            countries.forEach(doc -> b.operations(o -> o.index(i -> i.index(COUNTRIES).id((String) doc.get("id"))
                    .document(doc))));
            return b;
        });
        assertThat(response.errors()).as(response.toString()).isFalse();
        client.indices().refresh(r -> r.index(ARTICLES, COUNTRIES));
        loaded = true;
    }

    private static void create(ElasticsearchClient client, IndexDefinition definition, String alias)
            throws IOException {
        String index = definition.physicalName(alias);
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().delete(d -> d.index(index));
        }
        client.indices().create(c -> c.index(index).withJson(new StringReader(definition.json()))
                .aliases(alias, a -> a.isWriteIndex(true)));
    }

    private static Map<String, Object> article(String id, String title, String summary, String body,
                                               String language, List<String> countries, List<String> tags,
                                               String published) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "article");
        doc.put("id", id);
        doc.put("version", 1);
        doc.put("deleted", false);
        doc.put("title", title);
        if (summary != null) {
            doc.put("summary", summary);
        }
        doc.put("body", body);
        doc.put("language", language);
        doc.put("countries", countries);
        doc.put("tags", tags);
        String instant = LocalDate.parse(published).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        doc.put("publishedAt", instant);
        doc.put("updatedAt", instant);
        return doc;
    }

    private static Map<String, Object> country(String code, String name, String officialName, List<String> aliases,
                                               String zh, String region, String subregion, String summary) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "country");
        doc.put("id", code);
        doc.put("version", 1);
        doc.put("deleted", false);
        doc.put("code", code);
        doc.put("name", name);
        doc.put("officialName", officialName);
        doc.put("aliases", aliases);
        doc.put("names", Map.of("zh", zh));
        doc.put("region", region);
        doc.put("subregion", subregion);
        doc.put("status", "current");
        doc.put("summary", summary);
        return doc;
    }
}
