package dev.contentpipeline.ingest.api;

import dev.contentpipeline.ingest.publishing.PublishFailedException;
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

/** RFC 9457 problem bodies: every field error of a refused record, or why the broker could not be reached. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidContentException.class)
    ProblemDetail invalidContent(InvalidContentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The record was not accepted; nothing was published. Fix every listed field and send it again.");
        problem.setType(URI.create("urn:content-pipeline:problem:invalid-record"));
        problem.setTitle("Invalid record");
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> publishFailed(PublishFailedException e) {
        log.warn("Publish failed: {}", e.getMessage(), e.getCause());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                e.getMessage() + "; the write may not have been stored. Retry it: writes are idempotent by id.");
        problem.setType(URI.create("urn:content-pipeline:problem:broker-unavailable"));
        problem.setTitle("Broker unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
