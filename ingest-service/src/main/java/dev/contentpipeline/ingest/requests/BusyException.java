package dev.contentpipeline.ingest.requests;

/** The service has no room for the request now (its body was read and dropped): 503, send it again later. */
public final class BusyException extends RuntimeException {

    public BusyException(String detail) {
        super(detail);
    }
}
