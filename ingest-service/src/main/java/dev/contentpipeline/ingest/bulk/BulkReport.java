package dev.contentpipeline.ingest.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.contentpipeline.model.Violation;

import java.util.List;

/**
 * The answer to a bulk request: one item per non-blank line, in order. {@code accepted} lines were acknowledged
 * by the broker (202), {@code rejected} ones were invalid or older than a version already accepted, and not
 * published (400, 409), {@code unacknowledged} ones
 * were valid but the broker did not acknowledge them in time (503: send them again).
 */
record BulkReport(int lines, int accepted, int rejected, int unacknowledged, boolean errors, List<Item> items) {

    static BulkReport of(List<Item> items) {
        int accepted = (int) items.stream().filter(i -> i.status() == 202).count();
        int rejected = (int) items.stream().filter(i -> i.status() == 400 || i.status() == 409).count();
        int unacknowledged = items.size() - accepted - rejected;
        return new BulkReport(items.size(), accepted, rejected, unacknowledged, accepted < items.size(), items);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(int line, int status, String type, String id, Long version, String topic, Integer partition,
                Long offset, String detail, List<Violation> errors) {
    }
}
