package dev.contentpipeline.endtoend;

import dev.contentpipeline.model.ContentHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an index must hold for a topic read whole: each key's newest version, deleted for a tombstone. The version is
 * read as the topic contract says: the JSON's {@code version}, else the {@code content-version} header, else the
 * record's timestamp in microseconds.
 */
final class NewestVersions {

    private NewestVersions() {
    }

    static Map<String, IndexedState.Entry> of(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, IndexedState.Entry> newest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            IndexedState.Entry entry = new IndexedState.Entry(version(record), record.value() == null);
            newest.merge(record.key(), entry, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return newest;
    }

    private static long version(ConsumerRecord<String, byte[]> record) {
        if (record.value() != null) {
            JsonNode version = JsonMapper.shared().readTree(record.value()).path("version");
            if (version.isNumber()) {
                return version.asLong();
            }
        }
        Header header = record.headers().lastHeader(ContentHeaders.VERSION);
        return header != null ? Long.parseLong(new String(header.value(), StandardCharsets.UTF_8).strip())
                : record.timestamp() * 1_000;
    }
}
