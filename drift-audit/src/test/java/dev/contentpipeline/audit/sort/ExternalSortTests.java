package dev.contentpipeline.audit.sort;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalSortTests {

    private static final RunCodec<String> STRINGS = new RunCodec<>() {

        @Override
        public void write(DataOutput out, String item) throws IOException {
            out.writeUTF(item);
        }

        @Override
        public String read(DataInput in) throws IOException {
            return in.readUTF();
        }
    };

    @TempDir
    Path temp;

    @Test
    void manyRunsMergedInSeveralPassesComeOutAsAnInMemorySortWouldHaveThem() {
        Random random = new Random(42);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            items.add(Integer.toString(random.nextInt(3_000), 36));
        }
        try (ExternalSort<String> sort = new ExternalSort<>(Comparator.naturalOrder(), STRINGS, 97, 4, this.temp)) {
            items.forEach(sort::add);
            List<String> sorted = drain(sort.sorted());

            assertThat(sort.spilledRuns()).isEqualTo(104);
            assertThat(sort.size()).isEqualTo(10_000);
            assertThat(sorted).isEqualTo(items.stream().sorted().toList());
        }
        assertThat(files()).as("runs deleted on close").isEmpty();
    }

    @Test
    void whatFitsInOneBufferIsSortedInMemoryWithoutAFile() {
        try (ExternalSort<String> sort = new ExternalSort<>(Comparator.naturalOrder(), STRINGS, 100, this.temp)) {
            List.of("c", "a", "b").forEach(sort::add);

            assertThat(drain(sort.sorted())).containsExactly("a", "b", "c");
            assertThat(sort.spilledRuns()).isZero();
        }
    }

    @Test
    void aLastPartialBufferIsSpilledWithTheFullOnes() {
        try (ExternalSort<String> sort = new ExternalSort<>(Comparator.naturalOrder(), STRINGS, 2, this.temp)) {
            List.of("e", "d", "c", "b", "a").forEach(sort::add);

            assertThat(drain(sort.sorted())).containsExactly("a", "b", "c", "d", "e");
            assertThat(sort.spilledRuns()).isEqualTo(3);
        }
    }

    @Test
    void nothingAddedIsNothingRead() {
        try (ExternalSort<String> sort = new ExternalSort<>(Comparator.naturalOrder(), STRINGS, 10, this.temp)) {
            assertThat(drain(sort.sorted())).isEmpty();
        }
    }

    @Test
    void equalItemsKeepTheOrderTheyWereAddedIn() {
        Comparator<String> byFirstLetter = Comparator.comparing(item -> item.charAt(0));
        try (ExternalSort<String> sort = new ExternalSort<>(byFirstLetter, STRINGS, 2, 2, this.temp)) {
            List.of("b1", "a1", "b2", "a2", "b3", "a3", "a4").forEach(sort::add);

            assertThat(drain(sort.sorted())).containsExactly("a1", "a2", "a3", "a4", "b1", "b2", "b3");
        }
    }

    private static List<String> drain(SortedItems<String> items) {
        List<String> out = new ArrayList<>();
        try (items) {
            items.forEachRemaining(out::add);
        }
        return out;
    }

    private List<Path> files() {
        try (Stream<Path> walk = Files.walk(this.temp)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
