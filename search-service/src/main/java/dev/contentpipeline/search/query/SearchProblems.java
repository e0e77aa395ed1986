package dev.contentpipeline.search.query;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

@RestControllerAdvice(assignableTypes = SearchController.class)
class SearchProblems {

    @ExceptionHandler(BadSearchRequestException.class)
    ProblemDetail badRequest(BadSearchRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The search request has parameters to fix; each is listed under errors.");
        problem.setType(URI.create("urn:content-pipeline:problem:bad-search-request"));
        problem.setTitle("Bad search request");
        problem.setProperty("errors", e.violations());
        return problem;
    }
}
