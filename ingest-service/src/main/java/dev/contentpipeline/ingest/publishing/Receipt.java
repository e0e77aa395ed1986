package dev.contentpipeline.ingest.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;

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

    /**
     * The receipt as JSON, as a JSON mapper writes it (components in order, none that is null): the
     * answer to every single write, where the mapper's set-up for one small object took 6 % of a PUT's samples (README,
     * round 47).
     */
    public byte[] json() {
        StringBuilder json = new StringBuilder(160).append('{');
        text(json, "type", type);
        text(json, "id", id);
        json.append(json.length() > 1 ? "," : "").append("\"version\":").append(version);
        text(json, "topic", topic);
        json.append(",\"partition\":").append(partition).append(",\"offset\":").append(offset);
        if (searchable != null) {
            json.append(",\"searchable\":").append(searchable.booleanValue());
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void text(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append(json.length() > 1 ? ",\"" : "\"").append(name).append("\":\"");
            JsonStringEncoder.getInstance().quoteAsString(value, json);
            json.append('"');
        }
    }
}
