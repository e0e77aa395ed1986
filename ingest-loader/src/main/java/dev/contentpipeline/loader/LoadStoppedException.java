package dev.contentpipeline.loader;

/** The load stopped before the end; its progress is saved, and a second run resumes it unless {@code fatal}. */
final class LoadStoppedException extends Exception {

    private final boolean fatal;

    LoadStoppedException(String message, boolean fatal) {
        super(message);
        this.fatal = fatal;
    }

    boolean fatal() {
        return fatal;
    }
}
