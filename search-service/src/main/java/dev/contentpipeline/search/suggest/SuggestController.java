package dev.contentpipeline.search.suggest;

import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.search.answers.JsonAnswer;
import dev.contentpipeline.search.door.SearchAnswer;
import dev.contentpipeline.search.door.SearchGate;
import dev.contentpipeline.search.hits.HitReader;
import dev.contentpipeline.search.hits.TypoMarks;
import dev.contentpipeline.search.problems.ParameterReader;
import dev.contentpipeline.search.problems.SearchEndpoint;
import dev.contentpipeline.search.userquery.QueryParser;
import dev.contentpipeline.search.userquery.UserQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

/** {@code GET /api/suggest}: titles and country names that begin with what was typed, for a search box. */
@RestController
@RequestMapping("/api")
@SearchEndpoint
class SuggestController {

    static final int MAX_QUERY_LENGTH = 100;
    static final int DEFAULT_SIZE = 8;
    static final int MAX_SIZE = 20;

    private final SearchGate gate;
    private final SuggestQueryFactory queries;
    private final JsonAnswer answer;

    SuggestController(SearchGate gate, SuggestQueryFactory queries, JsonAnswer answer) {
        this.gate = gate;
        this.queries = queries;
        this.answer = answer;
    }

    /** @param query what was typed so far */
    record Suggestions(String query, long tookMs, List<Suggestion> suggestions) {
    }

    record Suggestion(String type, String id, String title, String titleHtml, String url) {
    }

    /** Its parameters are described by {@link SuggestDocumentation}; it reads them and writes its answer itself. */
    @GetMapping("/suggest")
    @Operation(responses = @ApiResponse(responseCode = "200", description = "Suggestions, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Suggestions.class))))
    void suggest(HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        answer.write(request, response, suggestions(ParameterReader.parameters(request)));
    }

    private Suggestions suggestions(MultiValueMap<String, String> parameters) throws IOException {
        ParameterReader reader = new ParameterReader(parameters, List.of("q", "type", "size"));
        String query = QueryParser.clean(reader.single("q")).strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            reader.error("q", "must be at most " + MAX_QUERY_LENGTH + " characters, was " + query.length());
        }
        List<String> types = reader.all("type");
        types.stream().filter(t -> !t.equals(ContentType.ARTICLE.wireName()) && !t.equals(ContentType.COUNTRY.wireName()))
                .forEach(t -> reader.error("type", "must be article or country, was '"
                        + ParameterReader.printable(t) + "'"));
        int size = reader.integer("size", DEFAULT_SIZE, 1, MAX_SIZE);
        reader.throwIfAny();
        String words = String.join(" ", QueryParser.parse(query).positiveTerms().stream()
                .map(UserQuery.Term::text).toList());
        if (words.isBlank()) {
            return new Suggestions(query, 0, List.of());
        }
        SearchAnswer response = gate.find(gate.start(), queries.suggest(words, types, size));
        TypoMarks marks = TypoMarks.ofSuggestion(words);
        List<Suggestion> suggestions = response.hits().stream().map(hit -> HitReader.read(hit, marks))
                .map(hit -> new Suggestion(hit.type(), hit.id(), hit.title(), hit.titleHtml(), hit.url()))
                .toList();
        return new Suggestions(query, response.took(), suggestions);
    }
}
