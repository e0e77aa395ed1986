package dev.contentpipeline.index.indexing;

/** Elasticsearch could not take the batch now (overloaded, down, timing out): the batch is retried, never skipped. */
final class RetryableIndexingException extends RuntimeException {

    RetryableIndexingException(String message, Throwable cause) {
        super(message, cause);
    }
}
