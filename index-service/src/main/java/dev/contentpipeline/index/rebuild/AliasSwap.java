package dev.contentpipeline.index.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import dev.contentpipeline.connections.ContentNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The move of both aliases from one version to another, in one {@code _aliases} request, which Elasticsearch applies
 * whole or not at all: searches see the old version or the new one, never neither, and never articles of one with
 * countries of the other. The role of the indexer allows {@code indices:admin/aliases} on its aliases and indices.
 */
@Component
class AliasSwap {

    private static final Logger log = LoggerFactory.getLogger(AliasSwap.class);

    private final ElasticsearchClient client;
    private final VersionedIndices indices;
    private final ContentNames.Aliases aliases;

    AliasSwap(ElasticsearchClient client, VersionedIndices indices, ContentNames names) {
        this.client = client;
        this.indices = indices;
        this.aliases = names.aliases();
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
