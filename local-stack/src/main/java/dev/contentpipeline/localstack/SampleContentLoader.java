package dev.contentpipeline.localstack;

import dev.contentpipeline.client.Answer;
import dev.contentpipeline.client.IngestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sends the sample content through the ingest API: each line of countries.ndjson to
 * {@code PUT /api/countries/{code}}, each articles/*.json to {@code PUT /api/articles/{id}}.
 */
final class SampleContentLoader {

    private static final int ERRORS_KEPT = 5;

    private final IngestClient ingest;

    SampleContentLoader(String ingestUrl, IngestApiKey apiKey) {
        this.ingest = new IngestClient(ingestUrl, apiKey.key());
    }

    /** How many documents of one kind the ingest API accepted (202) and rejected, with the first errors. */
    record Outcome(String collection, int accepted, int rejected, List<String> firstErrors) {
    }

    Outcome loadCountries(Path contentDir) {
        List<String> countries = lines(contentDir.resolve("countries.ndjson")).stream()
            .filter((line) -> !line.isBlank())
            .toList();
        return putAll(IngestClient.Kind.COUNTRIES, "code", countries);
    }

    Outcome loadArticles(Path contentDir) {
        return putAll(IngestClient.Kind.ARTICLES, "id", articles(contentDir.resolve("articles")).stream()
            .map(SampleContentLoader::read)
            .toList());
    }

    private Outcome putAll(IngestClient.Kind kind, String idField, List<String> documents) {
        int accepted = 0;
        List<String> errors = new ArrayList<>();
        for (String json : documents) {
            Optional<String> error = put(kind, idField, json);
            if (error.isEmpty()) {
                accepted++;
            }
            else {
                errors.add(error.get());
            }
        }
        return new Outcome(collection(kind), accepted, errors.size(), errors.stream().limit(ERRORS_KEPT).toList());
    }

    /** Sends one document, and returns why it was not accepted, if it was not. */
    private Optional<String> put(IngestClient.Kind kind, String idField, String json) {
        Optional<String> id = id(json, idField);
        if (id.isEmpty()) {
            return Optional.of("no \"" + idField + "\" field in " + abbreviate(json));
        }
        Answer answer = this.ingest.put(kind, id.get(), json);
        return answer.is(202) ? Optional.empty()
                : Optional.of("PUT /api/" + collection(kind) + "/" + id.get() + " -> " + answer.status() + " "
                        + abbreviate(answer.body()));
    }

    private static String collection(IngestClient.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The record's id, from its top-level id field (text or a number); what is not JSON has none. */
    private static Optional<String> id(String json, String idField) {
        try {
            JsonNode id = JsonMapper.shared().readTree(json).path(idField);
            return (id.isString() || id.isNumber()) ? Optional.of(id.asString()) : Optional.empty();
        }
        catch (JacksonException ex) {
            return Optional.empty();
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
