package dev.contentpipeline.ingest.publishing;

/** What became of one write of a batch: the broker's receipt, or why there is none. */
public record PublishOutcome(Receipt receipt, String failure) {

    public boolean acknowledged() {
        return receipt != null;
    }
}
