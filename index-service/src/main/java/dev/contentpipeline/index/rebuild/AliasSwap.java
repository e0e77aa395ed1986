package dev.contentpipeline.index.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.connections.ElasticsearchClients;
import dev.contentpipeline.connections.ElasticsearchSettings;
import dev.contentpipeline.index.IndexProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/**
 * The move of both aliases from one version to another, in one {@code _aliases} request, which Elasticsearch applies
 * whole or not at all: searches see the old version or the new one, never neither, and never articles of one with
 * countries of the other. The role of the indexer allows {@code indices:admin/aliases} on its aliases and indices,
 * and {@code indices:admin/forcemerge} on its indices for the merge of a rebuilt pair before the move.
 */
@Component
class AliasSwap {

    private static final Logger log = LoggerFactory.getLogger(AliasSwap.class);

    private final ElasticsearchClient client;
    private final VersionedIndices indices;
    private final ContentNames.Aliases aliases;
    private final IndexProperties.Rebuild rebuild;
    /** The client for the merge, whose answer comes when the merge is done: it may wait up to the merge timeout. */
    private final ElasticsearchClient merging;

    AliasSwap(ElasticsearchClient client, VersionedIndices indices, ContentNames names, IndexProperties properties,
              ElasticsearchSettings settings) {
        this.client = client;
        this.indices = indices;
        this.aliases = names.aliases();
        this.rebuild = properties.rebuild();
        this.merging = ElasticsearchClients.waitingUpTo(client, settings, rebuild.mergeTimeout());
    }

    /**
     * Merges a rebuilt pair down to {@code index.rebuild.merge-to-segments} segments before it takes the aliases. A
     * replay writes it in thousands of bulk requests and leaves some fifteen to twenty segments; over one, the
     * benchmark's searches cost Elasticsearch a quarter less CPU and took a quarter less time (README, "Search, round
     * 10"). Only the replay writes to the pair, and it has caught up: what the listener writes meanwhile goes to the
     * live version and reaches this one in the catch-up after the move, into new small segments that Elasticsearch
     * merges as usual (a merged segment far below its 5 GB limit still takes part in later merges). A merge that fails
     * or outlasts {@code index.rebuild.merge-timeout} is logged and the move goes on: the pair holds everything either
     * way, it is only slower to search.
     */
    void merge(IndexPair pair) {
        int segments = rebuild.mergeToSegments();
        if (segments == 0) {
            return;
        }
        long started = System.nanoTime();
        try {
            merging.indices().forcemerge(f -> f.index(pair.articles(), pair.countries())
                    .maxNumSegments((long) segments).waitForCompletion(true));
            log.info("{} merged to {} segment(s) in {} ms", pair, segments,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException | ElasticsearchException e) {
            log.warn("Could not merge {} to {} segment(s) before the move, moving the aliases to it unmerged: {}", pair,
                    segments, e.getMessage());
        }
    }

    /** Makes every write the pair took visible to searches, so that none goes missing when the aliases move. */
    void refresh(IndexPair pair) {
        try {
            client.indices().refresh(r -> r.index(pair.articles(), pair.countries()));
        } catch (IOException | ElasticsearchException e) {
            throw new RebuildFailure("Could not refresh " + pair + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves the aliases, if they still point at {@code from} and {@code to} are still the indices that were filled;
     * {@code must_exist} on the removals makes Elasticsearch refuse if anyone moved an alias in between.
     */
    void swap(IndexPair from, IndexPair to) {
        IndexPair now = indices.live();
        if (!now.equals(from)) {
            throw new RebuildFailure("The aliases were moved by someone else meanwhile, to " + now + "; left there");
        }
        if (!indices.reread(to).equals(to)) {
            throw new RebuildFailure(to + " are not the indices that were filled: deleted, or made again, meanwhile");
        }
        try {
            client.indices().updateAliases(u -> u
                    .actions(a -> a.remove(r -> r.index(from.articles()).alias(aliases.articles()).mustExist(true)))
                    .actions(a -> a.add(r -> r.index(to.articles()).alias(aliases.articles()).isWriteIndex(true)))
                    .actions(a -> a.remove(r -> r.index(from.countries()).alias(aliases.countries()).mustExist(true)))
                    .actions(a -> a.add(r -> r.index(to.countries()).alias(aliases.countries()).isWriteIndex(true))));
        } catch (IOException | ElasticsearchException e) {
            // The request may have been applied although its answer was lost.
            if (indices.live().equals(to)) {
                return;
            }
            throw new RebuildFailure("Elasticsearch did not move the aliases, which still point at " + from + ": "
                    + e.getMessage(), e);
        }
        log.info("Aliases {} and {} moved from {} to {}", aliases.articles(), aliases.countries(), from, to);
    }
}
