package dev.contentpipeline.localstack;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' roles (elasticsearch/security/roles.json) on the real server, with security on: each refusal is
 * checked by its status and by the state it leaves (the document, index or setting is not there, or still is).
 */
class ElasticsearchPrivilegesIntegrationTests {

    private static final String ARTICLES = "it-privileges-articles";

    private static final String COUNTRIES = "it-privileges-countries";

    private static ElasticsearchAccess elasticsearch;

    private static ElasticsearchCredentials indexer;

    private static ElasticsearchCredentials searcher;

    private static ElasticsearchCredentials ingest;

    @BeforeAll
    static void indexWithAliasAndUsers() {
        elasticsearch = Infrastructure.shared().elasticsearch();
        indexer = elasticsearch.user(PipelineService.INDEX, ARTICLES, COUNTRIES);
        searcher = elasticsearch.user(PipelineService.SEARCH, ARTICLES, COUNTRIES);
        ingest = elasticsearch.user(PipelineService.INGEST, ARTICLES, COUNTRIES);
        // What index-service does at start: the versioned index, its alias, a document.
        assertStatus(send(indexer, "PUT", "/" + ARTICLES + "-v2", "{}"), 200);
        assertStatus(send(indexer, "PUT", "/" + ARTICLES + "-v2/_alias/" + ARTICLES, "{\"is_write_index\":true}"), 200);
        assertStatus(send(indexer, "PUT", "/" + ARTICLES + "/_doc/kept?refresh=true", "{\"title\":\"Kept\"}"), 201);
        assertStatus(send(elasticsearch.operator(), "PUT", "/it-privileges-other", "{}"), 200);
    }

    @Test
    void theIndexerMovesItsAliasToTheNextVersion() {
        assertStatus(send(indexer, "PUT", "/" + ARTICLES + "-v3", "{}"), 200);
        assertStatus(send(indexer, "POST", "/_aliases", "{\"actions\":["
                + "{\"add\":{\"index\":\"" + ARTICLES + "-v3\",\"alias\":\"" + ARTICLES + "-next\"}}]}"), 403);
        assertStatus(send(indexer, "POST", "/_aliases", "{\"actions\":["
                + "{\"remove\":{\"index\":\"" + ARTICLES + "-v2\",\"alias\":\"" + ARTICLES + "\"}},"
                + "{\"add\":{\"index\":\"" + ARTICLES + "-v3\",\"alias\":\"" + ARTICLES + "\",\"is_write_index\":true}}]}"),
                200);
        assertStatus(send(indexer, "POST", "/_aliases", "{\"actions\":["
                + "{\"remove\":{\"index\":\"" + ARTICLES + "-v3\",\"alias\":\"" + ARTICLES + "\"}},"
                + "{\"add\":{\"index\":\"" + ARTICLES + "-v2\",\"alias\":\"" + ARTICLES + "\",\"is_write_index\":true}}]}"),
                200);
    }

    static Stream<Arguments> refusals() {
        String doc = "{\"title\":\"Should not be here\"}";
        return Stream.of(
                // Nobody without credentials, or with a wrong password.
                Arguments.of("no credentials, search", null, "GET", "/" + ARTICLES + "/_search", null, 401),
                Arguments.of("no credentials, write", null, "PUT", "/" + ARTICLES + "/_doc/anonymous", doc, 401),
                Arguments.of("wrong password", new ElasticsearchCredentials("search-service@" + ARTICLES + "+"
                        + COUNTRIES, "wrong"), "GET", "/" + ARTICLES + "/_search", null, 401),
                // search-service reads, and writes nothing.
                Arguments.of("search writes a document", "search", "PUT", "/" + ARTICLES + "/_doc/by-search", doc, 403),
                Arguments.of("search bulk-writes", "search", "POST", "/_bulk",
                        "{\"index\":{\"_index\":\"" + ARTICLES + "\",\"_id\":\"by-search-bulk\"}}\n" + doc + "\n", 403),
                Arguments.of("search deletes a document", "search", "DELETE", "/" + ARTICLES + "/_doc/kept", null, 403),
                Arguments.of("search updates a document", "search", "POST", "/" + ARTICLES + "/_update/kept",
                        "{\"doc\":{\"title\":\"Changed\"}}", 403),
                Arguments.of("search deletes the index", "search", "DELETE", "/" + ARTICLES + "-v2", null, 403),
                Arguments.of("search creates an index", "search", "PUT", "/" + ARTICLES + "-v9", "{}", 403),
                Arguments.of("search changes the mapping", "search", "PUT", "/" + ARTICLES + "/_mapping",
                        "{\"properties\":{\"extra\":{\"type\":\"keyword\"}}}", 403),
                Arguments.of("search reads the index by name", "search", "GET", "/" + ARTICLES + "-v2/_search", null, 403),
                Arguments.of("search reads another index", "search", "GET", "/it-privileges-other/_search", null, 403),
                Arguments.of("search changes cluster settings", "search", "PUT", "/_cluster/settings",
                        "{\"persistent\":{\"action.destructive_requires_name\":false}}", 403),
                // ingest-service's status reads likewise.
                Arguments.of("ingest writes a document", "ingest", "PUT", "/" + ARTICLES + "/_doc/by-ingest", doc, 403),
                Arguments.of("ingest deletes the index", "ingest", "DELETE", "/" + ARTICLES + "-v2", null, 403),
                // index-service writes its own indices, and deletes none, touches no other, changes no cluster setting.
                Arguments.of("index deletes its index", "index", "DELETE", "/" + ARTICLES + "-v2", null, 403),
                Arguments.of("index deletes through the alias", "index", "DELETE", "/" + ARTICLES, null, 403),
                Arguments.of("index deletes another index", "index", "DELETE", "/it-privileges-other", null, 403),
                Arguments.of("index writes another index", "index", "PUT", "/it-privileges-other/_doc/x", doc, 403),
                Arguments.of("index creates another index", "index", "PUT", "/it-privileges-elsewhere", "{}", 403),
                Arguments.of("index reads another index", "index", "GET", "/it-privileges-other/_search", null, 403),
                Arguments.of("index changes cluster settings", "index", "PUT", "/_cluster/settings",
                        "{\"persistent\":{\"action.destructive_requires_name\":false}}", 403),
                Arguments.of("index closes its index", "index", "POST", "/" + ARTICLES + "-v2/_close", null, 403),
                Arguments.of("index changes index settings", "index", "PUT", "/" + ARTICLES + "-v2/_settings",
                        "{\"index\":{\"number_of_replicas\":3}}", 403),
                Arguments.of("index reads the security settings", "index", "GET", "/_security/user", null, 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String name, Object who, String method, String path, String body, int status) {
        ElasticsearchCredentials as = switch (String.valueOf(who)) {
            case "search" -> searcher;
            case "ingest" -> ingest;
            case "index" -> indexer;
            case "null" -> null;
            default -> (ElasticsearchCredentials) who;
        };
        assertStatus(send(as, method, path, body), status);
        // Nothing was deleted, written, created or changed.
        assertStatus(send(elasticsearch.operator(), "GET", "/" + ARTICLES + "/_doc/kept", null), 200);
        assertStatus(send(elasticsearch.operator(), "HEAD", "/it-privileges-other", null), 200);
        assertStatus(send(elasticsearch.operator(), "HEAD", "/it-privileges-elsewhere", null), 404);
        assertStatus(send(elasticsearch.operator(), "HEAD", "/" + ARTICLES + "-v9", null), 404);
        HttpResponse<String> count = send(elasticsearch.operator(), "GET", "/" + ARTICLES + "/_count", null);
        assertThat(count.body()).contains("\"count\":1");
        assertThat(send(elasticsearch.operator(), "GET", "/_cluster/settings", null).body())
            .doesNotContain("destructive_requires_name");
        assertThat(send(elasticsearch.operator(), "GET", "/" + ARTICLES + "-v2/_settings", null).body())
            .doesNotContain("\"number_of_replicas\":\"3\"").doesNotContain("\"verified_before_close\"");
    }

    @Test
    void theServicesReadThroughTheAliases() {
        assertStatus(send(searcher, "GET", "/" + ARTICLES + "/_doc/kept", null), 200);
        assertStatus(send(ingest, "GET", "/" + ARTICLES + "/_doc/kept", null), 200);
        assertThat(send(searcher, "GET", "/_security/_authenticate", null).body())
            .contains("\"roles\":[\"content_reader@" + ARTICLES + "+" + COUNTRIES + "\"]");
    }

    /** What the local stack does when a new user's role is not granted within seconds (see FileRealmUsers). */
    @Test
    void theOperatorClearsTheNodesCacheOfAServiceRoleAndTheRoleStillGrants() {
        HttpResponse<String> cleared = FileRealmUsers.clearRoleCache(elasticsearch,
                RoleTemplate.roleName(PipelineService.SEARCH.role(), ARTICLES, COUNTRIES));
        assertStatus(cleared, 200);
        assertThat(cleared.body()).contains("\"successful\":1");
        assertStatus(send(searcher, "GET", "/" + ARTICLES + "/_doc/kept", null), 200);
    }

    @Test
    void onlyTheOperatorMayDeleteAnIndex() {
        assertStatus(send(elasticsearch.operator(), "PUT", "/it-privileges-doomed", "{}"), 200);
        assertStatus(send(elasticsearch.operator(), "DELETE", "/it-privileges-doomed", null), 200);
    }

    private static HttpResponse<String> send(ElasticsearchCredentials as, String method, String path, String body) {
        HttpRequest.Builder request = elasticsearch.request(path, as)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (path.startsWith("/_bulk")) {
            request.setHeader("Content-Type", "application/x-ndjson");
        }
        return elasticsearch.send(request.build());
    }

    private static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + " -> "
                + response.body()).isEqualTo(status);
    }
}
