package dev.contentpipeline.ingest.status;

/** Elasticsearch did not answer a version look-up. */
public final class SearchUnavailableException extends RuntimeException {

    SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
