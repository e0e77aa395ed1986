package dev.contentpipeline.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The requests read back from the tracer's lines, as search-service's log holds them. */
class CapturedSearchesTests {

    private static final String TRACE = "2026-12-05T19:00:00.000Z TRACE 1 --- [search-service] [exec-1] tracer : ";

    @Test
    void aSearchIsOneLineAndAMultiSearchGoesOnUpToTheClosingQuote(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("search-service.log");
        Files.writeString(log, "before the query\n");
        long offset = Files.size(log);
        Files.writeString(log, String.join("\n",
                TRACE + "curl -iX POST 'https://127.0.0.1:9200/countries/_search?typed_keys=true' -d '{\"size\":300}'",
                TRACE + "curl -iX POST 'https://127.0.0.1:9200/_msearch?typed_keys=true' -d '"
                        + "{\"index\":[\"articles\",\"countries\"],\"search_type\":\"dfs_query_then_fetch\"}",
                "{\"query\":{\"match\":{\"title\":\"tea\"}},\"size\":11}",
                "{\"index\":[\"articles\",\"countries\"],\"request_cache\":true}",
                "{\"size\":0}",
                "'",
                "2026-12-05T19:00:00.100Z  INFO 1 --- [search-service] [exec-1] other : not a request",
                TRACE + "curl -iX POST 'https://127.0.0.1:9200/articles/_search' -d '{\"size\":0}'",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        List<CapturedSearches.Captured> requests = CapturedSearches.requestsAfter(log, offset, "tea");

        assertThat(requests).extracting(CapturedSearches.Captured::pathAndQuery)
                .as("the country directory's reload left out")
                .containsExactly("/_msearch?typed_keys=true", "/articles/_search");
        assertThat(new String(requests.get(0).body(), StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
                "{\"index\":[\"articles\",\"countries\"],\"search_type\":\"dfs_query_then_fetch\"}",
                "{\"query\":{\"match\":{\"title\":\"tea\"}},\"size\":11}",
                "{\"index\":[\"articles\",\"countries\"],\"request_cache\":true}",
                "{\"size\":0}",
                ""));
        assertThat(new String(requests.get(1).body(), StandardCharsets.UTF_8)).isEqualTo("{\"size\":0}");
    }

    @Test
    void aLogThatEndsInsideARequestSaysSo(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("search-service.log");
        Files.writeString(log,
                TRACE + "curl -iX POST 'https://127.0.0.1:9200/_msearch' -d '{\"index\":\"articles\"}\n");

        assertThatThrownBy(() -> CapturedSearches.requestsAfter(log, 0, "tea"))
                .hasMessageContaining("ends inside the request to https://127.0.0.1:9200/_msearch");
    }
}
