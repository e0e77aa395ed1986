package dev.contentpipeline.index.rebuild;

/** A rollback was asked for, but there is no earlier version it could safely return to; the message says why. */
final class NothingToRollBack extends RuntimeException {

    NothingToRollBack(String message) {
        super(message);
    }
}
