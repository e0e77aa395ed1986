package dev.contentpipeline.index.rebuild;

/** A step of a rebuild or rollback failed; the message says which and why, for the operator. */
final class RebuildFailure extends RuntimeException {

    RebuildFailure(String message, Throwable cause) {
        super(message, cause);
    }

    RebuildFailure(String message) {
        super(message);
    }
}
