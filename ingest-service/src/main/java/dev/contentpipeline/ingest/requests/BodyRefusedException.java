package dev.contentpipeline.ingest.requests;

import org.springframework.http.HttpStatus;

/** A request body refused before it was read as JSON: too large (413) or in an unsupported charset (415). */
public final class BodyRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public BodyRefusedException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
