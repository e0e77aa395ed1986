package dev.contentpipeline.compose;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's sample content as bulk NDJSON for the ingest API: the country records, then the articles. */
record SampleContent(List<String> countryLines, List<String> articleLines) {

    static SampleContent read() {
        Path content = ComposeProject.ROOT.resolve("sample-content");
        try (Stream<Path> articles = Files.list(content.resolve("articles"))) {
            List<String> countries = Files.readAllLines(content.resolve("countries.ndjson")).stream()
                .filter((line) -> !line.isBlank())
                .map((line) -> "{\"type\":\"country\",\"op\":\"upsert\",\"record\":" + line + "}")
                .toList();
            List<String> articleLines = articles.filter((file) -> file.toString().endsWith(".json")).sorted()
                .map(SampleContent::compact)
                .map((json) -> "{\"type\":\"article\",\"op\":\"upsert\",\"record\":" + json + "}")
                .toList();
            return new SampleContent(countries, articleLines);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String compact(Path file) {
        try {
            return JsonMapper.shared().writeValueAsString(JsonMapper.shared().readTree(Files.readString(file)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
