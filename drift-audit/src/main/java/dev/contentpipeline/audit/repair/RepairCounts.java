package dev.contentpipeline.audit.repair;

/**
 * What a repair published.
 *
 * @param republished topic records published again as they were
 * @param newVersion topic records published again at a version above the indexed one (their own was not)
 * @param tombstones tombstones for ghosts the topic no longer holds
 * @param superseded records not published: gone from the topic since the audit read it (a newer record replaced
 *        them, which the indexer takes in its turn)
 */
public record RepairCounts(long republished, long newVersion, long tombstones, long superseded) {

    public long published() {
        return this.republished + this.newVersion + this.tombstones;
    }
}
