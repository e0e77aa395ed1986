package dev.contentpipeline.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.contentpipeline.index.IndexProperties;
import dev.contentpipeline.model.IndexFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Articles know their countries: each article is indexed with the names of the countries it references (short,
 * official, former names and aliases, names in other languages) in {@code countryNames}, so a search for a country
 * finds articles that never name it. When a country changes, the articles naming it are written again with the new
 * names, at their own version, without being republished: read and written a page at a time
 * ({@code index.country-names.page-size}, one bulk request a page), so that a country named in any number of
 * articles takes the memory of one page.
 */
@Component
@SuppressWarnings("rawtypes") // The client reads documents as Map.class.
class CountryNameEnricher {

    static final String FIELD = "countryNames";

    private static final Logger log = LoggerFactory.getLogger(CountryNameEnricher.class);

    private final ElasticsearchClient client;
    private final BulkIndexer indexer;
    private final int pageSize;

    CountryNameEnricher(ElasticsearchClient client, BulkIndexer indexer, IndexProperties properties) {
        this.client = client;
        this.indexer = indexer;
        this.pageSize = properties.countryNames().pageSize();
    }

    /**
     * Adds countryNames to the batch's article writes, from the batch's own country writes, else the countries
     * target.
     */
    void enrich(List<IndexWrite> writes, IndexTargets targets) {
        CountryNameTable known = new CountryNameTable();
        // The newest version in the batch wins, as it does in the index.
        writes.stream().filter(write -> write.target().equals(targets.countries()))
                .sorted(Comparator.comparingLong(IndexWrite::version))
                .forEach(write -> known.put(write.id(), write.document()));
        List<IndexWrite> articles = writes.stream().filter(write -> write.target().equals(targets.articles())
                && !Boolean.TRUE.equals(write.document().get(IndexFields.DELETED))).toList();
        Set<String> missing = new LinkedHashSet<>();
        articles.forEach(write -> known.addUnknownCodes(write.countryCodes(), missing));
        known.putAll(lookUp(missing, targets));
        articles.forEach(write -> write.document().put(FIELD, known.namesFor(write.countryCodes())));
    }

    /**
     * Writes again, with fresh names, every article naming a country the batch wrote, a page at a time. The names
     * come from the countries index, which the batch's writes have reached, so a stale version that lost there
     * changes no article; an article whose names stay the same is not written.
     */
    void refreshArticlesNamingCountriesOf(List<IndexWrite> writes, IndexTargets targets) {
        List<String> codes = writes.stream().filter(write -> write.target().equals(targets.countries()))
                .map(IndexWrite::id).distinct().toList();
        if (codes.isEmpty()) {
            return;
        }
        CountryNameTable changed = lookUp(codes, targets);
        codes.forEach(changed::putWithoutNames);
        try {
            client.indices().refresh(r -> r.index(targets.articles()).ignoreUnavailable(true));
        } catch (IOException | ElasticsearchException e) {
            throw new RetryableIndexingException("Could not refresh " + targets.articles() + ": " + e.getMessage(), e);
        }
        int read = 0;
        int written = 0;
        List<Hit<Map>> page = List.of();
        do {
            page = nextPage(codes, page.isEmpty() ? null : page.get(page.size() - 1).id(), targets);
            List<IndexWrite> rewrites = rewrites(page, changed, targets);
            indexer.write(rewrites).rejections().forEach(rejection -> log.warn("Could not refresh the country names of article "
                    + "{}: {}", rejection.write().id(), rejection.reason()));
            read += page.size();
            written += rewrites.size();
        } while (page.size() == pageSize);
        log.info("Country names of {} refreshed in {}: {} articles name them, {} written again", codes,
                targets.articles(), read, written);
    }

    /** The next page of live articles naming any of the codes, in id order, after the given id. */
    private List<Hit<Map>> nextPage(List<String> codes, String afterId, IndexTargets targets) {
        List<FieldValue> values = codes.stream().map(FieldValue::of).toList();
        try {
            return client.search(s -> {
                s.index(targets.articles()).ignoreUnavailable(true).size(pageSize).trackTotalHits(t -> t.enabled(false))
                        .sort(o -> o.field(f -> f.field(IndexFields.ID)))
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.terms(t -> t.field("countries").terms(v -> v.value(values))))
                                .filter(f -> f.term(t -> t.field(IndexFields.DELETED).value(false)))));
                return afterId == null ? s : s.searchAfter(FieldValue.of(afterId));
            }, Map.class).hits().hits();
        } catch (IOException | ElasticsearchException e) {
            throw new RetryableIndexingException("Could not read the articles naming " + codes + ": "
                    + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<IndexWrite> rewrites(List<Hit<Map>> page, CountryNameTable changed, IndexTargets targets) {
        CountryNameTable known = new CountryNameTable(changed);
        Set<String> others = new LinkedHashSet<>();
        page.forEach(hit -> known.addUnknownCodes(CountryNameTable.codesOf(hit.source()), others));
        known.putAll(lookUp(others, targets));
        List<IndexWrite> rewrites = new ArrayList<>(page.size());
        for (Hit<Map> hit : page) {
            List<String> names = known.namesFor(CountryNameTable.codesOf(hit.source()));
            if (!names.equals(hit.source().get(FIELD))) {
                Map<String, Object> document = new HashMap<>(hit.source());
                document.put(FIELD, names);
                rewrites.add(new IndexWrite(null, targets.articles(), hit.id(),
                        ((Number) document.get(IndexFields.VERSION)).longValue(), document, null, true));
            }
        }
        return rewrites;
    }

    private CountryNameTable lookUp(Collection<String> codes, IndexTargets targets) {
        CountryNameTable found = new CountryNameTable();
        if (codes.isEmpty()) {
            return found;
        }
        try {
            MgetResponse<Map> response = client.mget(m -> m.index(targets.countries())
                    .ids(List.copyOf(new LinkedHashSet<>(codes))), Map.class);
            response.docs().stream().filter(doc -> doc.isResult() && doc.result().found())
                    .forEach(doc -> found.put(doc.result().id(), doc.result().source()));
        } catch (IOException | ElasticsearchException e) {
            throw new RetryableIndexingException("Could not read the country names: " + e.getMessage(), e);
        }
        return found;
    }
}
