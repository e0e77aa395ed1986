package dev.contentpipeline.ingest.publishing;

/** The write's version is older than one already accepted for its id: it would never be searchable. */
public final class StaleVersionException extends RuntimeException {

    private final long version;
    private final long newerVersion;

    StaleVersionException(long version, long newerVersion) {
        super("Version " + version + " is older than version " + newerVersion + ", already accepted for this id; "
                + "nothing was published. Send a version above " + newerVersion + ", or none to have one assigned.");
        this.version = version;
        this.newerVersion = newerVersion;
    }

    public long version() {
        return version;
    }

    public long newerVersion() {
        return newerVersion;
    }
}
