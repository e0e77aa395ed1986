package dev.contentpipeline.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WholeFilesTests {

    @TempDir
    Path folder;

    @Test
    void writesAFileInAFolderItMakesAndLeavesNothingElse() throws IOException {
        Path target = this.folder.resolve("config").resolve("users");

        WholeFiles.replace(target, bytes("alice:hash\n"));

        assertThat(target).hasContent("alice:hash");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacesTheOldContentAndHandsTheWrittenFileOverBeforeTheMove() throws IOException {
        Path target = this.folder.resolve("roles.yml");
        Files.writeString(target, "old: {}\n");
        List<String> seenBeforeMove = new ArrayList<>();

        WholeFiles.replace(target, bytes("new: {}\n"), (written) -> {
            assertThat(written.getParent()).isEqualTo(this.folder);
            seenBeforeMove.add(readString(written));
            seenBeforeMove.add(readString(target));
        });

        assertThat(seenBeforeMove).containsExactly("new: {}\n", "old: {}\n");
        assertThat(target).hasContent("new: {}");
    }

    @Test
    void aFailureBeforeTheMoveKeepsTheOldFileAndRemovesTheWrittenOne() throws IOException {
        Path target = this.folder.resolve("users_roles");
        Files.writeString(target, "reader:alice\n");

        assertThatIllegalStateException().isThrownBy(() -> WholeFiles.replace(target, bytes("reader:bob\n"),
                (written) -> {
                    throw new IllegalStateException("chown failed");
                }));

        assertThat(target).hasContent("reader:alice");
        try (var files = Files.list(this.folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
