package dev.contentpipeline.index.indexing;

/** Elasticsearch refused a document for good (its mapping, its size): it goes to the dead-letter topic. */
final class IndexRejectedException extends RuntimeException {

    IndexRejectedException(String message) {
        super(message);
    }
}
