package dev.contentpipeline.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input never gets a 5xx: each request below gets results, or a 400 problem naming each parameter to fix and
 * what to change.
 */
class BadInputIntegrationTests extends AgainstElasticsearch {

    static Stream<Arguments> requests() {
        String search = "/api/search";
        return Stream.of(
                arguments(search, 400, "q"),
                arguments(search + "?q=", 400, "q"),
                arguments(search + "?q=%20%20%09", 400, "q"),
                arguments(search + "?q=%00%01%1F%7F", 400, "q"),
                arguments(search + "?q=" + "a".repeat(501), 400, "q"),
                arguments(search + "?q=a&q=b", 400, "q"),
                arguments(search + "?q=x&size=0", 400, "size"),
                arguments(search + "?q=x&size=101", 400, "size"),
                arguments(search + "?q=x&size=-1", 400, "size"),
                arguments(search + "?q=x&size=abc", 400, "size"),
                arguments(search + "?q=x&size=1e3", 400, "size"),
                arguments(search + "?q=x&page=0", 400, "page"),
                arguments(search + "?q=x&page=-5", 400, "page"),
                arguments(search + "?q=x&page=abc", 400, "page"),
                arguments(search + "?q=x&page=99999999999999999999", 400, "page"),
                arguments(search + "?q=x&page=1000&size=100", 400, "page"),
                arguments(search + "?q=x&sort=best", 400, "sort"),
                arguments(search + "?q=x&sort=relevance&sort=newest", 400, "sort"),
                arguments(search + "?q=x&facets=colour", 400, "facets"),
                arguments(search + "?q=x&facets=type,none", 400, "facets"),
                arguments(search + "?q=x&facets=,", 400, "facets"),
                arguments(search + "?q=x&facets=type&facets=tag", 400, "facets"),
                arguments(search + "?q=x&type=video", 400, "type"),
                arguments(search + "?q=x&country=XX", 400, "country"),
                arguments(search + "?q=x&country=china", 400, "country"),
                arguments(search + "?q=x&region=Atlantis", 400, "region"),
                arguments(search + "?q=x&language=english", 400, "language"),
                arguments(search + "?q=x&year=26", 400, "year"),
                arguments(search + "?q=x&year=0000", 400, "year"),
                arguments(search + "?q=x&tag=" + "t".repeat(101), 400, "tag"),
                arguments(search + "?q=x&tag=a%00b", 400, "tag"),
                arguments(search + "?q=x&colour=red", 400, "colour"),
                arguments(search + "?q=x&Q=y", 400, "Q"),
                arguments(search + "?q=x&cursor=garbage", 400, "cursor"),
                arguments(search + "?q=x&cursor=" + "A".repeat(5000), 400, "cursor"),
                arguments(search + "?q=x&cursor=eyJzIjoibmV3ZXN0In0&page=2", 400, "cursor"),
                arguments(search + "?q=" + encode("\"unbalanced"), 200, null),
                arguments(search + "?q=" + encode("title:(x"), 200, null),
                arguments(search + "?q=" + encode("a AND OR NOT"), 200, null),
                arguments(search + "?q=" + encode("*:*"), 200, null),
                arguments(search + "?q=" + encode("\\"), 200, null),
                arguments(search + "?q=" + encode("{}[]^~<>=!&&||/"), 200, null),
                arguments(search + "?q=" + encode("x -y"), 200, null),
                arguments(search + "?q=" + encode("' OR 1=1 --"), 200, null),
                arguments(search + "?q=" + encode("<script>alert(1)</script>"), 200, null),
                arguments(search + "?q=" + encode("hot\u0000pot\u200B\u202E"), 200, null),
                arguments(search + "?q=" + encode("😀 🎉"), 200, null),
                arguments(search + "?q=%ED%A0%80%C3%28", 400, "q"),
                arguments(search + "?q=OR", 200, null),
                arguments(search + "?q=-", 200, null),
                arguments(search + "?q=" + encode("\"\""), 200, null),
                arguments(search + "?q=" + "a".repeat(500), 200, null),
                arguments(search + "?q=" + "lantern".repeat(4) + "x", 200, null),
                arguments(search + "?q=" + encode("abcdefghij ".repeat(45).strip()), 200, null),
                arguments(search + "?q=" + encode("lantern~2^5 lantern* lant?rn /lan.*/"), 200, null),
                arguments(search + "?q=x&size=100&page=100", 200, null),
                arguments(search + "?q=x&sort=", 200, null),
                arguments(search + "?q=x&facets=", 200, null),
                arguments(search + "?q=x&facets=" + encode(" Type , tag "), 200, null),
                arguments(search + "?q=x&facets=None", 200, null),
                arguments(search + "?q=x&type=article&type=country&region=europe", 200, null),
                arguments("/api/suggest?q=" + "a".repeat(101), 400, "q"),
                arguments("/api/suggest?q=x&size=0", 400, "size"),
                arguments("/api/suggest?q=x&size=21", 400, "size"),
                arguments("/api/suggest?q=x&type=video", 400, "type"),
                arguments("/api/suggest?q=x&foo=1", 400, "foo"),
                arguments("/api/suggest", 200, null),
                arguments("/api/suggest?q=" + encode("\"\\*:( -"), 200, null),
                arguments("/api/suggest?q=" + "a".repeat(100), 200, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("requests")
    void isAnsweredWithResultsOrAProblemThatSaysWhatToChange(String request, int status, String field)
            throws Exception {
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(request + " -> " + response.body()).isEqualTo(status);
        JsonNode body = JsonMapper.shared().readTree(response.body());
        if (status == 200) {
            assertThat(body.has(request.startsWith("/api/search") ? "hits" : "suggestions")).isTrue();
            return;
        }
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
        assertThat(body.get("errors").valueStream().map(e -> e.get("message").asString()))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }
}
