package dev.contentpipeline.ingest.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.IndexFields;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The versions Elasticsearch holds for an id. "Searchable" is what a search sees now: an {@code ids} query on
 * the alias with {@code version: true}, which reads refreshed segments only, exactly as a reader's search does.
 * "Indexed" is a realtime GET, which also sees writes not yet refreshed, so not yet searchable.
 */
@Component
public class SearchableVersions {

    /** A version in the index; {@code deleted} for a deletion marker. */
    record IndexedVersion(long version, boolean deleted) {
    }

    private final ElasticsearchClient client;
    private final IngestProperties properties;
    private final ContentNames.Aliases aliases;

    SearchableVersions(ElasticsearchClient client, IngestProperties properties, ContentNames names) {
        this.client = client;
        this.properties = properties;
        this.aliases = names.aliases();
    }

    /**
     * Waits until a search finds this version of the id, or a newer one. Elasticsearch being unreachable counts
     * as not yet, until the time runs out.
     */
    public boolean awaitSearchable(ContentType type, String id, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Optional<IndexedVersion> found = searchable(type, id);
                if (found.isPresent() && found.get().version() >= version) {
                    return true;
                }
            } catch (SearchUnavailableException e) {
                // not searchable yet, as far as anyone can tell: keep asking until the deadline
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, properties.searchable().pollInterval().toNanos()));
        }
    }

    @SuppressWarnings("rawtypes")
    Optional<IndexedVersion> searchable(ContentType type, String id) {
        SearchResponse<Map> response = call(() -> client.search(s -> s.index(alias(type))
                .query(q -> q.ids(ids -> ids.values(id)))
                .version(true)
                .size(1)
                .source(source -> source.filter(f -> f.includes(IndexFields.DELETED))), Map.class));
        if (response == null || response.hits().hits().isEmpty()) {
            return Optional.empty();
        }
        Hit<Map> hit = response.hits().hits().get(0);
        return Optional.of(new IndexedVersion(hit.version(), isDeleted(hit.source())));
    }

    @SuppressWarnings("rawtypes")
    Optional<IndexedVersion> indexed(ContentType type, String id) {
        GetResponse<Map> response = call(() -> client.get(g -> g.index(alias(type)).id(id).realtime(true)
                .sourceIncludes(IndexFields.DELETED), Map.class));
        if (response == null || !response.found()) {
            return Optional.empty();
        }
        return Optional.of(new IndexedVersion(response.version(), isDeleted(response.source())));
    }

    private String alias(ContentType type) {
        return aliases.of(type);
    }

    private static boolean isDeleted(Map<?, ?> source) {
        return source != null && Boolean.TRUE.equals(source.get(IndexFields.DELETED));
    }

    /** Null when the alias does not exist yet (nothing indexed); throws when Elasticsearch does not answer. */
    private static <T> T call(Request<T> request) {
        try {
            return request.send();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return null;
            }
            throw new SearchUnavailableException("Elasticsearch refused the look-up: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException("Elasticsearch did not answer: " + e.getMessage(), e);
        }
    }

    private interface Request<T> {
        T send() throws IOException;
    }
}
