package dev.contentpipeline.search.problems;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.contentpipeline.model.Violation;
import dev.contentpipeline.search.door.SearchGate;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The problems searches answer: 400 with every parameter to fix; 503 with Retry-After when Elasticsearch is
 * out of reach or overloaded. A query Elasticsearch refuses is a 400 too, never a 500.
 */
@RestControllerAdvice(annotations = SearchEndpoint.class)
class SearchProblems {

    private static final Logger log = LoggerFactory.getLogger(SearchProblems.class);

    @ExceptionHandler(BadSearchRequestException.class)
    ProblemDetail badRequest(BadSearchRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The search request has parameters to fix; each is listed under errors.");
        problem.setType(URI.create("urn:content-pipeline:problem:bad-search-request"));
        problem.setTitle("Bad search request");
        problem.setProperty("errors", e.violations());
        return problem;
    }

    /** A parameter whose percent-encoding is not UTF-8: the server could not even read it. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodable(InvalidParameterException e) {
        return badRequest(new BadSearchRequestException.Builder().build("q",
                "could not be read: send every parameter as UTF-8, percent-encoded"));
    }

    @ExceptionHandler(ElasticsearchException.class)
    ResponseEntity<ProblemDetail> refused(ElasticsearchException e) {
        if (e.status() == 401 || e.status() == 403) {
            // Not the reader's doing: search-service's own credentials or role are wrong (its readiness says so).
            log.error("Elasticsearch refused search-service's credentials: {}", e.getMessage());
            return unavailable(e);
        }
        if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
            log.warn("Elasticsearch refused a search: {}", e.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The search could not be run as asked; each thing to change is listed under errors.");
            problem.setType(URI.create("urn:content-pipeline:problem:bad-search-request"));
            problem.setTitle("Bad search request");
            problem.setProperty("errors", List.of(new Violation("q",
                    "is too complex to search: use fewer or shorter words, or fewer filters")));
            return ResponseEntity.badRequest().body(problem);
        }
        return unavailable(e);
    }

    @ExceptionHandler(SearchGate.SearchOverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(SearchGate.SearchOverloadedException e) {
        log.warn("Search refused: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Search is busy; try again in a moment.");
        problem.setType(URI.create("urn:content-pipeline:problem:search-busy"));
        problem.setTitle("Search busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    @ExceptionHandler(SearchGate.SearchTimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut(SearchGate.SearchTimeoutException e) {
        log.warn("Search timed out: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                "The search took too long (" + e.getMessage() + "); try fewer words or filters.");
        problem.setType(URI.create("urn:content-pipeline:problem:search-timeout"));
        problem.setTitle("Search timed out");
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(IOException.class)
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("Elasticsearch could not answer a search: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Search is unavailable for a moment; try again shortly.");
        problem.setType(URI.create("urn:content-pipeline:problem:search-unavailable"));
        problem.setTitle("Search unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
