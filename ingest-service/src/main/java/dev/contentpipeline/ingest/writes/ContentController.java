package dev.contentpipeline.ingest.writes;

import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.ingest.publishing.ContentPublisher;
import dev.contentpipeline.ingest.publishing.ContentWrite;
import dev.contentpipeline.ingest.publishing.Receipt;
import dev.contentpipeline.ingest.requests.RecordKeys;
import dev.contentpipeline.ingest.requests.RequestBodies;
import dev.contentpipeline.ingest.status.SearchableVersions;
import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Arrays;

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

    private final ContentPublisher publisher;
    private final SearchableVersions searchable;
    private final IngestProperties properties;

    ContentController(ContentPublisher publisher, SearchableVersions searchable, IngestProperties properties) {
        this.publisher = publisher;
        this.searchable = searchable;
        this.properties = properties;
    }

    @PutMapping(path = "/articles/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upsert an article", responses = @ApiResponse(responseCode = "202", description = ACCEPTED),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = Article.class))))
    ResponseEntity<Receipt> putArticle(@PathVariable String id, HttpServletRequest request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @RequestParam(required = false) String wait,
                                       @RequestParam(required = false) String timeout) throws IOException {
        WriteParameters parameters = WriteParameters.of(ifMatch, null, wait, timeout, properties.searchable());
        byte[] body = body(request);
        String key = RecordKeys.articleId(id);
        int from = skipWhitespace(body, 0, 1);
        int to = skipWhitespace(body, body.length - 1, -1) + 1;
        Article asWritten = from < to && body[from] == '{' && body[to - 1] == '}'
                ? ContentJson.readArticleAsWritten(body, from, to) : null;
        boolean asSent = asWritten != null && asWritten.id().equals(key);
        Article article = asSent ? asWritten : ContentJson.readForKey(body, Article.class, "id", key);
        Long version = parameters.versionWith(article.version());
        if (asSent && version == null) {
            // Exactly what writing the article would give, and no version: published as sent, the version added, as
            // a bulk line's record is, without reading it into a tree and writing it again (README, round 33).
            return write(ContentWrite.upsertAsSent(article.head(), Arrays.copyOfRange(body, from, to)), parameters);
        }
        return write(ContentWrite.upsert(version == null ? article : article.withVersion(version)), parameters);
    }

    @PutMapping(path = "/countries/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upsert a country record", responses = @ApiResponse(responseCode = "202",
            description = ACCEPTED),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Country.class))))
    ResponseEntity<Receipt> putCountry(@PathVariable String code, HttpServletRequest request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @RequestParam(required = false) String wait,
                                       @RequestParam(required = false) String timeout) throws IOException {
        WriteParameters parameters = WriteParameters.of(ifMatch, null, wait, timeout, properties.searchable());
        Country country = ContentJson.readForKey(body(request), Country.class, "code", RecordKeys.countryCode(code));
        Long version = parameters.versionWith(country.version());
        return write(ContentWrite.upsert(version == null ? country : country.withVersion(version)), parameters);
    }

    @DeleteMapping("/articles/{id}")
    @Operation(summary = "Delete an article (a tombstone)",
            responses = @ApiResponse(responseCode = "202", description = ACCEPTED))
    ResponseEntity<Receipt> deleteArticle(@PathVariable String id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestParam(required = false) String version,
                                          @RequestParam(required = false) String wait,
                                          @RequestParam(required = false) String timeout) {
        WriteParameters parameters = WriteParameters.of(ifMatch, version, wait, timeout, properties.searchable());
        return write(ContentWrite.delete(ContentType.ARTICLE, RecordKeys.articleId(id), parameters.version()),
                parameters);
    }

    @DeleteMapping("/countries/{code}")
    @Operation(summary = "Delete a country record (a tombstone)",
            responses = @ApiResponse(responseCode = "202", description = ACCEPTED))
    ResponseEntity<Receipt> deleteCountry(@PathVariable String code,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestParam(required = false) String version,
                                          @RequestParam(required = false) String wait,
                                          @RequestParam(required = false) String timeout) {
        WriteParameters parameters = WriteParameters.of(ifMatch, version, wait, timeout, properties.searchable());
        return write(ContentWrite.delete(ContentType.COUNTRY, RecordKeys.countryCode(code), parameters.version()),
                parameters);
    }

    private ResponseEntity<Receipt> write(ContentWrite write, WriteParameters parameters) {
        Receipt receipt = publisher.publish(write);
        if (parameters.searchableWithin() != null) {
            receipt = receipt.withSearchable(searchable.awaitSearchable(write.type(), receipt.id(),
                    receipt.version(), parameters.searchableWithin()));
        }
        return ResponseEntity.accepted().eTag("\"" + receipt.version() + "\"").body(receipt);
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
