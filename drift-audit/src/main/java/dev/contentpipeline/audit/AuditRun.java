package dev.contentpipeline.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.contentpipeline.audit.drift.Drift;
import dev.contentpipeline.audit.drift.DriftJoin;
import dev.contentpipeline.audit.drift.DriftTally;
import dev.contentpipeline.audit.drift.JoinTotals;
import dev.contentpipeline.audit.index.IndexEntry;
import dev.contentpipeline.audit.index.IndexScan;
import dev.contentpipeline.audit.repair.RepairCounts;
import dev.contentpipeline.audit.repair.Republisher;
import dev.contentpipeline.audit.sort.ExternalSort;
import dev.contentpipeline.audit.sort.SortedItems;
import dev.contentpipeline.audit.sort.Spool;
import dev.contentpipeline.audit.topic.NewestPerId;
import dev.contentpipeline.audit.topic.RecordVersions;
import dev.contentpipeline.audit.topic.TopicEntry;
import dev.contentpipeline.audit.topic.TopicScan;
import dev.contentpipeline.model.ContentType;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.time.Duration;
import java.time.Instant;

/**
 * The audit of one content type, in this order: the index, read to the end (already sorted by id, kept in a file);
 * then the topic, up to the end offsets of that later moment, sorted by id on disk; then one merge-join of the two
 * files; with a repair, the drifted ids' records published again. Everything the scan saw in the index was
 * published before the topic was read, so an id published during the audit is never taken for a ghost (whose
 * repair would delete it); at worst a record the indexer had not reached yet, or one that changed during the scan,
 * is reported missing or stale, and publishing it again is harmless.
 */
final class AuditRun {

    private AuditRun() {
    }

    /** @param producer for the repair, or null to only report */
    static AuditResult run(ContentType type, AuditSettings settings, AuditOptions options, ElasticsearchClient client,
            Consumer<String, byte[]> consumer, Producer<String, byte[]> producer) {
        String topic = settings.names().topics().of(type);
        String alias = settings.names().aliases().of(type);
        Instant start = Instant.now();
        try (Spool<IndexEntry> indexed = new Spool<>(IndexEntry.CODEC, options.tempDir());
                ExternalSort<TopicEntry> sort = new ExternalSort<>(TopicEntry.NEWEST_FIRST, TopicEntry.CODEC,
                        options.runSize(), options.tempDir());
                Republisher republisher = producer == null ? null : new Republisher(producer, topic,
                        "drift-audit-" + start, options.runSize(), options.tempDir())) {
            String pointInTimeRefusal;
            try (IndexScan index = IndexScan.open(client, alias, options.pageSize())) {
                index.forEachRemaining(indexed::add);
                pointInTimeRefusal = index.pointInTimeRefusal();
            }
            Instant indexRead = Instant.now();
            TopicScan scan = TopicScan.read(consumer, topic, new RecordVersions(type, settings.maxRecordBytes()), sort,
                    options.first());
            Instant topicRead = Instant.now();
            DriftTally tally = new DriftTally(options.first());
            java.util.function.Consumer<Drift> sink = republisher == null ? tally : tally.andThen(republisher);
            JoinTotals totals;
            try (NewestPerId newest = new NewestPerId(sort.sorted()); SortedItems<IndexEntry> documents = indexed.read()) {
                totals = DriftJoin.join(newest, documents, sink);
            }
            Instant joined = Instant.now();
            RepairCounts repair = republisher == null ? null : republisher.publish(consumer);
            return new AuditResult(topic, alias, scan, totals, tally, pointInTimeRefusal, sort.spilledRuns(),
                    new AuditResult.Times(Duration.between(start, indexRead), Duration.between(indexRead, topicRead),
                            Duration.between(topicRead, joined), Duration.between(joined, Instant.now())),
                    repair);
        }
    }
}
