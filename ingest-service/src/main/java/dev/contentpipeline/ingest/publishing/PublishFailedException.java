package dev.contentpipeline.ingest.publishing;

/** The broker did not acknowledge in time; nothing is promised to the client. */
public final class PublishFailedException extends RuntimeException {

    PublishFailedException(String message) {
        super(message);
    }
}
