package dev.contentpipeline.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ImageFilesTests {

    private static final String DIRECTIVES = "-XX:CompilerDirectivesFile=/app/compiler-directives.json";

    @Test
    void pointsAnOptionNamingAFileOfTheImageAtTheBuildsCopyAndLeavesTheOthers() throws IOException {
        List<String> local = ImageFiles.local(List.of("-Xmx96m", "-XX:+UnlockDiagnosticVMOptions", DIRECTIVES));

        Path copy = ImageFiles.LOCAL.resolve("compiler-directives.json");
        assertThat(local).containsExactly("-Xmx96m", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + copy);
        try (var compose = ImageFiles.class.getResourceAsStream("compiler-directives.json")) {
            assertThat(Files.readAllBytes(copy)).isEqualTo(compose.readAllBytes());
        }
    }

    @Test
    void theServicesOptionsAreOnesThisJvmAccepts() throws Exception {
        for (PipelineService service : PipelineService.values()) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ImageFiles.local(BuildTimeResources.serviceJvmOptions()));
            command.addAll(ImageFiles.local(BuildTimeResources.serviceJvmOptions(service.username())));
            command.add("-version");
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(java.exitValue()).as(service + ": " + command + "\n" + output).isZero();
            assertThat(output).doesNotContain("rror", "arning");
        }
    }

    @Test
    void namesAFileTheBuildDoesNotHave() {
        assertThatIllegalStateException()
            .isThrownBy(() -> ImageFiles.local(List.of("-XX:CompilerDirectivesFile=/app/missing.json")))
            .withMessageContaining("compose/missing.json");
    }
}
