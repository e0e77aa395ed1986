package dev.contentpipeline.loader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputItemsTests {

    @TempDir
    Path dir;

    @Test
    void ndjsonLinesAreNumberedByLineAndBareRecordsBecomeUpserts() throws IOException {
        Path file = Files.writeString(dir.resolve("mixed.ndjson"), """
                {"type":"country","op":"delete","record":{"code":"AN"}}

                {"code":"BY","name":"Belarus"}
                {"id":"a-1","title":"T"}
                {not json
                """);

        assertThat(items(file, null)).containsExactly(
                new InputItems.Item(1, "{\"type\":\"country\",\"op\":\"delete\",\"record\":{\"code\":\"AN\"}}"),
                new InputItems.Item(3, "{\"type\":\"country\",\"op\":\"upsert\",\"record\":{\"code\":\"BY\",\"name\":\"Belarus\"}}"),
                new InputItems.Item(4, "{\"type\":\"article\",\"op\":\"upsert\",\"record\":{\"id\":\"a-1\",\"title\":\"T\"}}"),
                new InputItems.Item(5, "{not json"));
        assertThat(InputItems.count(file)).isEqualTo(4);
    }

    @Test
    void aJsonFileIsAnArrayOfItemsOrOneObject() throws IOException {
        Path array = Files.writeString(dir.resolve("array.json"), """
                [
                  {"code": "BY", "name": "Belarus"},
                  {"type": "article", "op": "delete", "record": {"id": "gone"}}
                ]""");
        Path object = Files.writeString(dir.resolve("one.json"), """
                {"code": "SZ",
                 "name": "Eswatini"}""");

        assertThat(items(array, "country")).extracting(InputItems.Item::number).containsExactly(1L, 2L);
        assertThat(items(array, "country").get(1).bulkLine()).contains("\"op\":\"delete\"");
        assertThat(items(object, null)).containsExactly(new InputItems.Item(1,
                "{\"type\":\"country\",\"op\":\"upsert\",\"record\":{\"code\":\"SZ\",\"name\":\"Eswatini\"}}"));
    }

    private static List<InputItems.Item> items(Path file, String type) throws IOException {
        List<InputItems.Item> items = new ArrayList<>();
        try (InputItems input = InputItems.open(file, type)) {
            for (InputItems.Item item = input.next(); item != null; item = input.next()) {
                items.add(item);
            }
        }
        return items;
    }
}
