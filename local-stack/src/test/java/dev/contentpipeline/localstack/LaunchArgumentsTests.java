package dev.contentpipeline.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaunchArgumentsTests {

    @TempDir
    Path directory;

    @Test
    void readsTheJarsAndTheContentFolder() throws IOException {
        Path ingest = Files.createFile(this.directory.resolve("ingest.jar"));
        Path index = Files.createFile(this.directory.resolve("index.jar"));
        Path search = Files.createFile(this.directory.resolve("search.jar"));

        LaunchArguments arguments = LaunchArguments.parse("--ingest=" + ingest, "--index=" + index,
                "--search=" + search, "--content=" + this.directory);

        assertThat(arguments).isEqualTo(new LaunchArguments(ingest, index, search, this.directory));
    }

    @Test
    void namesWhatIsMissing() throws IOException {
        Path jar = Files.createFile(this.directory.resolve("service.jar"));

        assertThatIllegalArgumentException()
            .isThrownBy(() -> LaunchArguments.parse("--ingest=" + jar, "--index=" + jar, "--content=" + this.directory))
            .withMessageContaining("--search is missing")
            .withMessageContaining("Usage:");
    }

    @Test
    void refusesAJarThatDoesNotExist() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LaunchArguments.parse("--ingest=" + this.directory.resolve("missing.jar")))
            .withMessageContaining("missing.jar is not a file");
    }
}
