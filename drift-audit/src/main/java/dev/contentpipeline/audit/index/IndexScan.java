package dev.contentpipeline.audit.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.contentpipeline.audit.sort.SortedItems;
import dev.contentpipeline.model.IndexFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every document behind an alias, sorted by {@code id}, a page at a time with {@code search_after}: only the id,
 * the external version and the {@code deleted} flag, read from doc values, never the source. Within a point in time
 * where the server and the user allow one, so the scan sees one moment of the index; otherwise over the live alias,
 * where a document written during the scan may be seen at either version. A search within a point in time is
 * authorised against the indices behind the alias, which {@code content_reader} may not read by name: for that
 * user the first page is refused (403) and the scan goes on over the alias.
 */
public final class IndexScan implements SortedItems<IndexEntry> {

    private static final String KEEP_ALIVE = "5m";

    private final ElasticsearchClient client;
    private final String alias;
    private final int pageSize;
    private String pointInTimeRefusal;
    private final Deque<IndexEntry> page = new ArrayDeque<>();
    private String pointInTime;
    private List<FieldValue> after;
    private boolean exhausted;
    private long documents;

    private IndexScan(ElasticsearchClient client, String alias, int pageSize, String pointInTime, String refusal) {
        this.client = client;
        this.alias = alias;
        this.pageSize = pageSize;
        this.pointInTime = pointInTime;
        this.pointInTimeRefusal = refusal;
    }

    /** Opens a point in time on the alias if the server allows it; the first page is read on first use. */
    public static IndexScan open(ElasticsearchClient client, String alias, int pageSize) {
        try {
            String id = client.openPointInTime(open -> open.index(alias).keepAlive(k -> k.time(KEEP_ALIVE))).id();
            return new IndexScan(client, alias, pageSize, id, null);
        } catch (ElasticsearchException e) {
            if (e.status() == 401 || e.status() == 404 && e.error().type().equals("index_not_found_exception")) {
                throw e;
            }
            // No such endpoint on this distribution, or no privilege for it: search_after alone still works.
            return new IndexScan(client, alias, pageSize, null, "opening one refused (" + e.status() + " "
                    + e.error().reason() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer opening a point in time on " + alias, e);
        }
    }

    /** Why no point in time was used, or null when one was. */
    public String pointInTimeRefusal() {
        return this.pointInTimeRefusal;
    }

    /** Documents read so far. */
    public long documents() {
        return this.documents;
    }

    @Override
    public boolean hasNext() {
        if (this.page.isEmpty() && !this.exhausted) {
            readPage();
        }
        return !this.page.isEmpty();
    }

    @Override
    public IndexEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        this.documents++;
        return this.page.removeFirst();
    }

    @Override
    public void close() {
        if (this.pointInTime != null) {
            try {
                this.client.closePointInTime(close -> close.id(this.pointInTime));
            } catch (IOException | ElasticsearchException e) {
                // It expires after its keep-alive anyway.
            }
            this.pointInTime = null;
        }
    }

    private void readPage() {
        SearchResponse<Void> response;
        try {
            response = search();
        } catch (ElasticsearchException e) {
            if (e.status() != 403 || this.pointInTime == null || this.after != null) {
                throw e;
            }
            close();
            this.pointInTimeRefusal = "searching within it refused (403: the user may read the alias, not the "
                    + "indices behind it)";
            response = search();
        }
        if (response.pitId() != null) {
            this.pointInTime = response.pitId();
        }
        List<Hit<Void>> hits = response.hits().hits();
        for (Hit<Void> hit : hits) {
            this.page.add(new IndexEntry(hit.id(), hit.version() == null ? 0 : hit.version(), deleted(hit)));
        }
        if (hits.size() < this.pageSize) {
            this.exhausted = true;
        } else {
            this.after = hits.get(hits.size() - 1).sort();
        }
    }

    private SearchResponse<Void> search() {
        try {
            return this.client.search(search -> {
                if (this.pointInTime != null) {
                    search.pit(pit -> pit.id(this.pointInTime).keepAlive(k -> k.time(KEEP_ALIVE)));
                } else {
                    search.index(this.alias);
                }
                search.size(this.pageSize)
                        .source(source -> source.fetch(false))
                        .version(true)
                        .trackTotalHits(total -> total.enabled(false))
                        .docvalueFields(field -> field.field(IndexFields.DELETED))
                        .sort(sort -> sort.field(field -> field.field(IndexFields.ID).order(SortOrder.Asc)));
                if (this.after != null) {
                    search.searchAfter(this.after);
                }
                return search;
            }, Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch did not answer a page of " + this.alias, e);
        }
    }

    private static boolean deleted(Hit<Void> hit) {
        JsonData values = hit.fields().get(IndexFields.DELETED);
        return values != null && values.toJson().asJsonArray().getBoolean(0);
    }
}
