package dev.contentpipeline.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a batch in one bulk request with external versions, so a redelivered or older version is a
 * conflict (counted, harmless) rather than an overwrite. Checks every item: a passing failure (429, 5xx)
 * fails the whole batch for a retry; a permanent one is returned for the dead-letter topic.
 */
@Component
class BulkIndexer {

    /** A write Elasticsearch refused for good, with the item's HTTP status. */
    record Rejection(IndexWrite write, int status, String reason) {
    }

    /**
     * What became of a batch that Elasticsearch took: the writes refused for good, and those it answered with a
     * version conflict because the index already holds a newer (or, for a plain write, the same) version.
     */
    record Result(List<Rejection> rejections, List<IndexWrite> superseded) {

        static final Result NOTHING = new Result(List.of(), List.of());
    }

    /**
     * What the indexer reads of a bulk response: an item's index, status and error, not its id, version, result, shards
     * and sequence numbers, which would be most of a response to a batch of a thousand documents.
     */
    static final String RESPONSE_FIELDS = "took,errors,items.*._index,items.*.status,items.*.error";

    private final ElasticsearchClient client;
    private final Counter indexed;
    private final Counter conflicts;
    private final Counter failed;
    private final Timer bulkLatency;

    BulkIndexer(ElasticsearchClient client, MeterRegistry meters) {
        this.client = client.withTransportOptions(client._transportOptions().toBuilder()
                .setParameter("filter_path", RESPONSE_FIELDS).build());
        this.indexed = meters.counter("pipeline.index.items", "outcome", "indexed");
        this.conflicts = meters.counter("pipeline.index.items", "outcome", "version_conflict");
        this.failed = meters.counter("pipeline.index.items", "outcome", "failed_retried");
        this.bulkLatency = meters.timer("pipeline.index.bulk");
    }

    Result write(List<IndexWrite> writes) {
        if (writes.isEmpty()) {
            return Result.NOTHING;
        }
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (IndexWrite write : writes) {
            request.operations(op -> op.index(i -> i.index(write.target()).id(write.id())
                    .version(write.version())
                    .versionType(write.sameVersion() ? VersionType.ExternalGte : VersionType.External)
                    .document(write.recordJson() == null ? write.document()
                            : BinaryData.of(write.recordJson().with(write.document()), ContentType.APPLICATION_JSON))));
        }
        BulkResponse response = execute(request.build());
        List<Rejection> rejections = new ArrayList<>();
        List<IndexWrite> superseded = new ArrayList<>();
        String retryReason = null;
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                indexed.increment();
            } else if (item.status() == 409) {
                conflicts.increment();
                superseded.add(writes.get(i));
            } else if (item.status() == 429 || item.status() >= 500) {
                failed.increment();
                retryReason = item.status() + " " + item.error().type() + ": " + item.error().reason();
            } else {
                rejections.add(new Rejection(writes.get(i), item.status(),
                        item.status() + " " + item.error().type() + ": " + item.error().reason()));
            }
        }
        if (retryReason != null) {
            throw new RetryableIndexingException("Elasticsearch could not take part of the batch: " + retryReason,
                    null);
        }
        return new Result(rejections, superseded);
    }

    private BulkResponse execute(BulkRequest request) {
        Timer.Sample sample = Timer.start();
        try {
            return client.bulk(request);
        } catch (IOException | ElasticsearchException e) {
            failed.increment(request.operations().size());
            throw new RetryableIndexingException("Bulk request failed: " + e.getMessage(), e);
        } finally {
            sample.stop(bulkLatency);
        }
    }
}
