package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.model.ContentType;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The highest version of each id that this instance saw acknowledged, for the most recently written ids. It
 * keeps versions that ingest assigns above any version a publisher gave the same id, and answers "accepted" in
 * GET /api/status. Memory of this instance only: after a restart, or for writes through another instance, the
 * index's own version stands in.
 */
@Component
public class AcceptedVersions {

    private final Map<String, Long> highest;

    AcceptedVersions(IngestProperties properties) {
        int kept = properties.acceptedVersionsKept();
        this.highest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > kept;
            }
        };
    }

    public synchronized OptionalLong highest(ContentType type, String id) {
        Long version = highest.get(key(type, id));
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    synchronized void acknowledged(ContentType type, String id, long version) {
        highest.merge(key(type, id), version, Math::max);
    }

    /** A version above the clock's and above every version of this id acknowledged here. */
    synchronized long next(ContentType type, String id, VersionClock clock) {
        long fromClock = clock.next();
        Long known = highest.get(key(type, id));
        return known == null ? fromClock : Math.max(fromClock, known + 1);
    }

    private static String key(ContentType type, String id) {
        return type.wireName() + '/' + id;
    }
}
