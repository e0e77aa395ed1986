package dev.contentpipeline.ingest.writes;

import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.ingest.publishing.ContentPublisher;
import dev.contentpipeline.ingest.publishing.ContentWrite;
import dev.contentpipeline.ingest.publishing.Receipt;
import dev.contentpipeline.ingest.requests.RecordKeys;
import dev.contentpipeline.ingest.requests.RequestBodies;
import dev.contentpipeline.ingest.status.SearchableVersions;
import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ArticleHead;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.Map;

/**
 * Upserts and deletes of one record; each answers 202 with the broker's receipt once the write is acknowledged,
 * and with {@code wait=searchable}, once a search finds that version too (or the wait ran out).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "records", description = "Write one article or country record")
class ContentController {

    private static final String ACCEPTED = "Acknowledged by the broker: the receipt, with the version written (also "
            + "as ETag). With wait=searchable, 'searchable' says whether a search found that version in time.";
    private static final String IF_MATCH = "The version to write, as an entity tag (\"42\") or a number (a record "
            + "that names its own must agree); a version older than one this service accepted is refused with 409.";
    private static final String VERSION = "The version of the tombstone (else If-Match, else the service's clock).";
    private static final String WAIT = "'searchable': answer once a search finds this version, or when the timeout "
            + "runs out (the receipt's 'searchable' says which).";
    private static final String TIMEOUT = "How long wait=searchable waits, as 500ms or 5s (the service's default "
            + "when absent, never more than its maximum).";

    private final ContentPublisher publisher;
    private final SearchableVersions searchable;
    private final IngestProperties properties;

    ContentController(ContentPublisher publisher, SearchableVersions searchable, IngestProperties properties) {
        this.publisher = publisher;
        this.searchable = searchable;
        this.properties = properties;
    }

    @PutMapping(path = "/articles/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upsert an article", responses = @ApiResponse(responseCode = "202", description = ACCEPTED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Receipt.class))),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = Article.class))))
    @Parameter(name = "id", in = ParameterIn.PATH, required = true, schema = @Schema(type = "string"))
    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH,
            schema = @Schema(type = "string"))
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = WAIT, schema = @Schema(type = "string"))
    @Parameter(name = "timeout", in = ParameterIn.QUERY, description = TIMEOUT, schema = @Schema(type = "string"))
    void putArticle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WriteParameters parameters = parameters(request, false);
        byte[] body = body(request);
        String key = RecordKeys.articleId(pathVariable(request, "id"));
        int from = skipWhitespace(body, 0, 1);
        int to = skipWhitespace(body, body.length - 1, -1) + 1;
        boolean object = from < to && body[from] == '{' && body[to - 1] == '}';
        // Most articles come as JSON writers write them, on one line: read as a bulk line's record is, the body checked
        // on its bytes, never made into text (README, round 47). Over several lines, as before.
        ArticleHead head = object ? ContentJson.readArticleHeadAsWritten(body, from, to) : null;
        Article asWritten = object && head == null ? ContentJson.readArticleAsWritten(body, from, to) : null;
        ArticleHead sent = head != null ? head : asWritten != null ? asWritten.head() : null;
        boolean asSent = sent != null && sent.id().equals(key);
        if (asSent && parameters.versionWith(sent.version()) == null) {
            // Exactly what writing the article would give, and no version: published as sent, the version added, as
            // a bulk line's record is, without reading it into a tree and writing it again (README, round 33).
            write(ContentWrite.upsertAsSent(sent, body, from, to), parameters, response);
            return;
        }
        // A version to write, or JSON other than writing the article would give: the whole article.
        Article article = !asSent ? ContentJson.readForKey(body, Article.class, "id", key)
                : asWritten != null ? asWritten : ContentJson.readArticleAsWritten(body, from, to);
        Long version = parameters.versionWith(article.version());
        write(ContentWrite.upsert(version == null ? article : article.withVersion(version)), parameters, response);
    }

    @PutMapping(path = "/countries/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upsert a country record", responses = @ApiResponse(responseCode = "202",
            description = ACCEPTED, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Receipt.class))),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Country.class))))
    @Parameter(name = "code", in = ParameterIn.PATH, required = true, schema = @Schema(type = "string"))
    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH,
            schema = @Schema(type = "string"))
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = WAIT, schema = @Schema(type = "string"))
    @Parameter(name = "timeout", in = ParameterIn.QUERY, description = TIMEOUT, schema = @Schema(type = "string"))
    void putCountry(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WriteParameters parameters = parameters(request, false);
        Country country = ContentJson.readForKey(body(request), Country.class, "code",
                RecordKeys.countryCode(pathVariable(request, "code")));
        Long version = parameters.versionWith(country.version());
        write(ContentWrite.upsert(version == null ? country : country.withVersion(version)), parameters, response);
    }

    @DeleteMapping("/articles/{id}")
    @Operation(summary = "Delete an article (a tombstone)", responses = @ApiResponse(responseCode = "202",
            description = ACCEPTED, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Receipt.class))))
    @Parameter(name = "id", in = ParameterIn.PATH, required = true, schema = @Schema(type = "string"))
    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH,
            schema = @Schema(type = "string"))
    @Parameter(name = "version", in = ParameterIn.QUERY, description = VERSION, schema = @Schema(type = "string"))
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = WAIT, schema = @Schema(type = "string"))
    @Parameter(name = "timeout", in = ParameterIn.QUERY, description = TIMEOUT, schema = @Schema(type = "string"))
    void deleteArticle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WriteParameters parameters = parameters(request, true);
        write(ContentWrite.delete(ContentType.ARTICLE, RecordKeys.articleId(pathVariable(request, "id")),
                parameters.version()), parameters, response);
    }

    @DeleteMapping("/countries/{code}")
    @Operation(summary = "Delete a country record (a tombstone)", responses = @ApiResponse(responseCode = "202",
            description = ACCEPTED, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Receipt.class))))
    @Parameter(name = "code", in = ParameterIn.PATH, required = true, schema = @Schema(type = "string"))
    @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH,
            schema = @Schema(type = "string"))
    @Parameter(name = "version", in = ParameterIn.QUERY, description = VERSION, schema = @Schema(type = "string"))
    @Parameter(name = "wait", in = ParameterIn.QUERY, description = WAIT, schema = @Schema(type = "string"))
    @Parameter(name = "timeout", in = ParameterIn.QUERY, description = TIMEOUT, schema = @Schema(type = "string"))
    void deleteCountry(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WriteParameters parameters = parameters(request, true);
        write(ContentWrite.delete(ContentType.COUNTRY, RecordKeys.countryCode(pathVariable(request, "code")),
                parameters.version()), parameters, response);
    }

    /**
     * The header and query parameters a write takes, read from the request itself: Spring's argument resolvers
     * built a type descriptor and ran a conversion for each of them on every request (README, round 40). The
     * {@code @Parameter}s above keep them in the OpenAPI description.
     */
    private WriteParameters parameters(HttpServletRequest request, boolean delete) {
        return WriteParameters.of(request.getHeader(HttpHeaders.IF_MATCH),
                delete ? request.getParameter("version") : null, request.getParameter("wait"),
                request.getParameter("timeout"), properties.searchable());
    }

    /** The id or code in the path, as the request mapping matched and decoded it. */
    private static String pathVariable(HttpServletRequest request, String name) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables.get(name);
    }

    /**
     * Publishes the write and answers 202 with its receipt as JSON, written here rather than through Spring MVC's
     * return value handling, which resolved the generic type of {@code ResponseEntity<Receipt>} and negotiated the
     * content type on every request (README, round 40). Any exception on the way still reaches the problem handlers.
     */
    private void write(ContentWrite write, WriteParameters parameters, HttpServletResponse response)
            throws IOException {
        Receipt receipt = publisher.publish(write);
        if (parameters.searchableWithin() != null) {
            receipt = receipt.withSearchable(searchable.awaitSearchable(write.type(), receipt.id(),
                    receipt.version(), parameters.searchableWithin()));
        }
        byte[] json = receipt.json();
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
        response.setHeader(HttpHeaders.ETAG, "\"" + receipt.version() + "\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The first index from {@code i} on, stepping by {@code step}, that is not JSON whitespace (or out of range). */
    private static int skipWhitespace(byte[] body, int i, int step) {
        while (i >= 0 && i < body.length
                && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i += step;
        }
        return i;
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.read(request, properties.limits().maxRecordSize());
        RequestBodies.requireUtf8(body, 0, body.length, "$");
        return body;
    }
}
