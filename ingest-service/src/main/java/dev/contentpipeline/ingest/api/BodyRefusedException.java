package dev.contentpipeline.ingest.api;

import org.springframework.http.HttpStatus;

/** A request body refused before it was read as JSON: too large (413) or in an unsupported charset (415). */
final class BodyRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    BodyRefusedException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
