package dev.contentpipeline.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Users written to a node's file realm, by the stack that runs the node and by tests that reuse it. */
class FileRealmTests {

    private static final ElasticsearchUser OWNER = new ElasticsearchUser(System.getProperty("user.name"), false);

    @Test
    void testsThatReuseARunningStackLeaveItsServicesUsersAsTheyAre(@TempDir Path config) throws IOException {
        ElasticsearchCredentials stacks = new FileRealm(config, OWNER).add(PipelineService.SEARCH, "articles",
                "countries");
        assertThat(stacks.username()).isEqualTo("search-service");
        String stacksLine = line(config.resolve("users"), "search-service:");

        FileRealm visiting = FileRealm.ofRunningStack(config, OWNER);
        ElasticsearchCredentials tests = visiting.add(PipelineService.SEARCH, "articles", "countries");
        ElasticsearchCredentials ownAliases = visiting.add(PipelineService.SEARCH, "it-articles", "it-countries");

        assertThat(tests.username()).isEqualTo("search-service@tests");
        assertThat(tests.password()).isNotEqualTo(stacks.password());
        assertThat(ownAliases.username()).as("names of their own already")
                .isEqualTo("search-service@it-articles+it-countries");
        assertThat(line(config.resolve("users"), "search-service:")).as("the stack's password kept")
                .isEqualTo(stacksLine);
        assertThat(line(config.resolve("users_roles"), "content_reader:"))
                .as("the same role, for the stack's service and the tests")
                .isEqualTo("content_reader:search-service,search-service@tests");
    }

    private static String line(Path file, String start) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(line -> line.startsWith(start)).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
