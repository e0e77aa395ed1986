package dev.contentpipeline.ingest.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the broker acknowledged: the answer to every accepted write.
 *
 * @param searchable only when the request asked to wait: whether the version was searchable before the wait
 *        ran out (false: accepted, not yet searchable; GET /api/status tells when it is)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(String type, String id, long version, String topic, int partition, long offset,
                      Boolean searchable) {

    public Receipt withSearchable(boolean isSearchable) {
        return new Receipt(type, id, version, topic, partition, offset, isSearchable);
    }
}
