package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTests {

    @TempDir
    Path directory;

    @Test
    void aJarSpringBootsToolsCannotExtractStartsAsItIsAndLeavesNothingBehind() throws IOException {
        Path jar = this.directory.resolve("not-a-boot-jar-" + System.nanoTime() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out,
                new Manifest())) {
            // an empty jar: no main class, no jar mode
        }
        Path trainingLog = this.directory.resolve("training.log");

        List<String> arguments = ClassDataArchive.launchArguments(jar,
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()), Map.of(), trainingLog);

        assertThat(arguments).containsExactly("-jar", jar.toString());
        assertThat(trainingLog).content().contains("no main manifest attribute");
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        try (Stream<Path> folders = Files.list(ClassDataArchive.ROOT)) {
            assertThat(folders.map(folder -> folder.getFileName().toString())).noneMatch(f -> f.startsWith(name));
        }
    }
}
