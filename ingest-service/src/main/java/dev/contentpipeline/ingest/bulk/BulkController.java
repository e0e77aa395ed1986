package dev.contentpipeline.ingest.bulk;

import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.ingest.problems.RetryAfter;
import dev.contentpipeline.ingest.publishing.ContentPublisher;
import dev.contentpipeline.ingest.publishing.ContentWrite;
import dev.contentpipeline.ingest.publishing.PublishOutcome;
import dev.contentpipeline.ingest.publishing.Receipt;
import dev.contentpipeline.ingest.requests.BodyRefusedException;
import dev.contentpipeline.ingest.requests.BusyException;
import dev.contentpipeline.ingest.requests.RequestBodies;
import dev.contentpipeline.model.InvalidContentException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code POST /api/bulk}: NDJSON, one write a line. Valid lines are published even when others are refused;
 * all of them are sent first and their acknowledgements awaited after. 200 when every line was settled
 * (accepted or refused), 503 with Retry-After when the broker left some unacknowledged, or when other bulk
 * requests held all of {@code ingest.limits.bulk-bytes-in-flight} for longer than the publish timeout.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "bulk", description = "Write many records in one request")
class BulkController {

    static final String NDJSON = "application/x-ndjson";

    private final ContentPublisher publisher;
    private final IngestProperties properties;
    private final BulkAdmission admission;

    BulkController(ContentPublisher publisher, IngestProperties properties, BulkAdmission admission) {
        this.publisher = publisher;
        this.properties = properties;
        this.admission = admission;
    }

    @PostMapping(path = "/bulk", consumes = NDJSON)
    @Operation(summary = "Upsert and delete many records, one NDJSON line each",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = NDJSON, schema = @Schema(type = "string", example = """
                            {"type":"article","op":"upsert","record":{"id":"a-1","title":"T","body":"B","publishedAt":"2026-01-01T00:00:00Z"}}
                            {"type":"country","op":"delete","record":{"code":"AN","version":42}}"""))))
    ResponseEntity<BulkReport> bulk(HttpServletRequest request) throws IOException, InterruptedException {
        try (BulkAdmission.Room room = admission.claim(request.getContentLengthLong(), properties.publishTimeout())) {
            if (room == null) {
                RequestBodies.discard(request, properties.limits().maxBulkSize());
                throw new BusyException("Other bulk requests hold the "
                        + properties.limits().bulkBytesInFlight().toMegabytes() + " MB this service publishes at once "
                        + "(ingest.limits.bulk-bytes-in-flight), and no room came free within "
                        + properties.publishTimeout().toMillis() + " ms. Nothing was published; send it again.");
            }
            return publish(request);
        }
    }

    private ResponseEntity<BulkReport> publish(HttpServletRequest request) throws IOException {
        List<BulkLines.Line> lines = BulkLines.split(RequestBodies.readWithRoomHeld(request,
                properties.limits().maxBulkSize()));
        if (lines.isEmpty()) {
            throw InvalidContentException.of("$", "holds no lines; send one JSON object a line");
        }
        if (lines.size() > properties.limits().maxBulkLines()) {
            throw new BodyRefusedException(HttpStatus.CONTENT_TOO_LARGE, "Too many lines",
                    "A bulk request may hold at most " + properties.limits().maxBulkLines() + " lines; this one held "
                            + lines.size() + ". Nothing was published. Split it over several requests.");
        }
        long maxRecordBytes = properties.limits().maxRecordSize().toBytes();
        List<BulkLines.Parsed> parsed = lines.stream().map(line -> BulkLines.parse(line, maxRecordBytes)).toList();
        List<ContentWrite> writes = parsed.stream().filter(p -> p.write() != null).map(BulkLines.Parsed::write)
                .toList();
        Iterator<PublishOutcome> outcomes = publisher.publishAll(writes).iterator();
        List<BulkReport.Item> items = new ArrayList<>(parsed.size());
        for (BulkLines.Parsed line : parsed) {
            items.add(line.write() == null ? refused(line) : outcome(line, outcomes.next()));
        }
        BulkReport report = BulkReport.of(items);
        if (report.unacknowledged() > 0) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(properties.publishTimeout()))
                    .body(report);
        }
        return ResponseEntity.ok(report);
    }

    private static BulkReport.Item refused(BulkLines.Parsed line) {
        return new BulkReport.Item(line.line().number(), 400, null, null, null, null, null, null,
                "Invalid; not published.", line.errors());
    }

    private static BulkReport.Item outcome(BulkLines.Parsed line, PublishOutcome outcome) {
        ContentWrite write = line.write();
        if (outcome.stale()) {
            return new BulkReport.Item(line.line().number(), 409, write.type().wireName(), write.id(), write.version(),
                    null, null, null, outcome.failure() + "; not published", null);
        }
        if (!outcome.acknowledged()) {
            return new BulkReport.Item(line.line().number(), 503, write.type().wireName(), write.id(), null, null,
                    null, null, outcome.failure() + "; send this line again", null);
        }
        Receipt receipt = outcome.receipt();
        return new BulkReport.Item(line.line().number(), 202, receipt.type(), receipt.id(), receipt.version(),
                receipt.topic(), receipt.partition(), receipt.offset(), null, null);
    }
}
