package dev.contentpipeline.index.indexing;

import dev.contentpipeline.model.InvalidContentException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a batch of topic records into a pair of targets, the one way the indexer writes: each record mapped to its
 * write (or set aside as poison), articles given their countries' names from the countries target, the batch in one
 * bulk request with external versions, then the articles naming a country the batch changed written again with its
 * new names. The listener writes into the live aliases; a rebuild into the next version's indices, with this same
 * path, so that both hold the same documents for the same records.
 */
@Component
public class BatchWriter {

    /** What became of a batch. */
    public static final class Outcome {

        final List<IndexWrite> writes;
        final List<BulkIndexer.Rejection> rejections;
        final List<IndexWrite> superseded;
        final List<DeadLetterSender.Letter> poison;

        Outcome(List<IndexWrite> writes, BulkIndexer.Result result, List<DeadLetterSender.Letter> poison) {
            this.writes = writes;
            this.rejections = result.rejections();
            this.superseded = result.superseded();
            this.poison = poison;
        }

        /** Records that can never be indexed: not valid, or refused by the mapping (the listener dead-letters them). */
        public int poisonRecords() {
            return poison.size();
        }

        /**
         * The first refusal that is the target's fault rather than the record's (a 400 is the record's: its mapping,
         * its shape): a write-blocked, closed or missing index, a missing privilege.
         */
        public Optional<String> targetFault() {
            return rejections.stream().filter(rejection -> rejection.status() != 400).findFirst()
                    .map(rejection -> rejection.write().target() + " refused " + rejection.write().id() + ": "
                            + rejection.reason());
        }
    }

    private final IndexWriteMapper mapper;
    private final CountryNameEnricher countryNames;
    private final BulkIndexer indexer;

    BatchWriter(IndexWriteMapper mapper, CountryNameEnricher countryNames, BulkIndexer indexer) {
        this.mapper = mapper;
        this.countryNames = countryNames;
        this.indexer = indexer;
    }

    /** Throws when Elasticsearch could not take the batch now: nothing of it may count as written then. */
    public Outcome write(List<ConsumerRecord<String, byte[]>> records, IndexTargets targets) {
        List<IndexWrite> writes = new ArrayList<>(records.size());
        List<DeadLetterSender.Letter> poison = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                writes.add(mapper.toWrite(record, targets));
            } catch (InvalidContentException e) {
                poison.add(new DeadLetterSender.Letter(record, e));
            }
        }
        countryNames.enrich(writes, targets);
        BulkIndexer.Result result = indexer.write(writes);
        result.rejections().forEach(rejection -> poison.add(new DeadLetterSender.Letter(rejection.write().source(),
                new IndexRejectedException(rejection.reason()))));
        countryNames.refreshArticlesNamingCountriesOf(writes, targets);
        return new Outcome(writes, result, poison);
    }
}
