package dev.contentpipeline.ingest.problems;

import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.ingest.publishing.PublishFailedException;
import dev.contentpipeline.ingest.publishing.StaleVersionException;
import dev.contentpipeline.ingest.requests.BodyRefusedException;
import dev.contentpipeline.ingest.requests.BusyException;
import dev.contentpipeline.ingest.status.SearchUnavailableException;
import dev.contentpipeline.model.InvalidContentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/**
 * RFC 9457 problem bodies: every field error of a refused record, a body refused for its size or charset, or
 * why the broker or Elasticsearch could not be reached. Spring MVC's own refusals (415, 405, 404) come from
 * the base class, as problems too.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final IngestProperties properties;

    ProblemResponses(IngestProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(InvalidContentException.class)
    ProblemDetail invalidContent(InvalidContentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request was not accepted; nothing was published. Fix every listed field and send it again.");
        problem.setType(URI.create("urn:content-pipeline:problem:invalid-record"));
        problem.setTitle("Invalid record");
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler(BodyRefusedException.class)
    ResponseEntity<ProblemDetail> bodyRefused(BodyRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create("urn:content-pipeline:problem:body-refused"));
        problem.setTitle(e.title());
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail staleVersion(StaleVersionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("urn:content-pipeline:problem:stale-version"));
        problem.setTitle("Stale version");
        problem.setProperty("version", e.version());
        problem.setProperty("acceptedVersion", e.newerVersion());
        return problem;
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> publishFailed(PublishFailedException e) {
        log.warn("Publish failed: {}", e.getMessage());
        return unavailable("broker-unavailable", "Broker unavailable", e.getMessage()
                + "; the write may or may not be stored. Send it again: writes are idempotent by id.");
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        log.warn("Bulk request refused for now: {}", e.getMessage());
        return unavailable("busy", "Busy", e.getMessage());
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ResponseEntity<ProblemDetail> searchUnavailable(SearchUnavailableException e) {
        log.warn("Elasticsearch unavailable: {}", e.getMessage());
        return unavailable("search-unavailable", "Elasticsearch unavailable", e.getMessage());
    }

    private ResponseEntity<ProblemDetail> unavailable(String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("urn:content-pipeline:problem:" + type));
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(properties.publishTimeout()))
                .body(problem);
    }
}
