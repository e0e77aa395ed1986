package dev.contentpipeline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sends the sample content through the ingest API: each line of countries.ndjson to
 * {@code PUT /api/countries/{code}}, each articles/*.json to {@code PUT /api/articles/{id}}.
 */
final class SampleContentLoader {

    private static final int ERRORS_KEPT = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String ingestUrl;

    private final IngestApiKey apiKey;

    SampleContentLoader(String ingestUrl, IngestApiKey apiKey) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
    }

    /** How many documents of one kind the ingest API accepted (202) and rejected, with the first errors. */
    record Outcome(String collection, int accepted, int rejected, List<String> firstErrors) {
    }

    Outcome loadCountries(Path contentDir) {
        List<String> countries = lines(contentDir.resolve("countries.ndjson")).stream()
            .filter((line) -> !line.isBlank())
            .toList();
        return putAll("countries", "code", countries);
    }

    Outcome loadArticles(Path contentDir) {
        return putAll("articles", "id", articles(contentDir.resolve("articles")).stream()
            .map(SampleContentLoader::read)
            .toList());
    }

    private Outcome putAll(String collection, String idField, List<String> documents) {
        int accepted = 0;
        List<String> errors = new ArrayList<>();
        for (String json : documents) {
            Optional<String> error = put(collection, idField, json);
            if (error.isEmpty()) {
                accepted++;
            }
            else {
                errors.add(error.get());
            }
        }
        return new Outcome(collection, accepted, errors.size(), errors.stream().limit(ERRORS_KEPT).toList());
    }

    /** Sends one document, and returns why it was not accepted, if it was not. */
    private Optional<String> put(String collection, String idField, String json) {
        Optional<String> id = JsonTopLevelField.read(json, idField);
        if (id.isEmpty()) {
            return Optional.of("no \"" + idField + "\" field in " + abbreviate(json));
        }
        URI uri = URI.create(this.ingestUrl + "/api/" + collection + "/"
                + URLEncoder.encode(id.get(), StandardCharsets.UTF_8).replace("+", "%20"));
        HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", this.apiKey.authorization())
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build();
        try {
            HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
            return (response.statusCode() == 202) ? Optional.empty()
                    : Optional.of("PUT " + uri + " -> " + response.statusCode() + " " + abbreviate(response.body()));
        }
        catch (IOException ex) {
            return Optional.of("PUT " + uri + " -> " + ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> lines(Path file) {
        return Files.isRegularFile(file) ? List.of(read(file).split("\n")) : List.of();
    }

    private static List<Path> articles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return (oneLine.length() > 300) ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
