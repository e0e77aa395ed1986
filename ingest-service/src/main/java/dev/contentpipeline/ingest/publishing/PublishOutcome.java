package dev.contentpipeline.ingest.publishing;

/**
 * What became of one write of a batch: the broker's receipt, or why there is none.
 *
 * @param newerVersion when the write was refused for carrying a version older than one already accepted for its
 *        id: that newer version (nothing was published)
 */
public record PublishOutcome(Receipt receipt, String failure, Long newerVersion) {

    public boolean acknowledged() {
        return receipt != null;
    }

    public boolean stale() {
        return newerVersion != null;
    }
}
