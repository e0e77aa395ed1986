package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.NdJsonpSerializable;
import co.elastic.clients.util.BinaryData;
import dev.contentpipeline.search.countries.Countries;
import dev.contentpipeline.search.door.SearchGate;
import dev.contentpipeline.search.fulltext.TextQueries.Tolerance;
import dev.contentpipeline.search.userquery.UserQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code _msearch} body of a search and its counts, as the Java client would write the requests of
 * {@link SearchQueryFactory}, from a template per shape of search. Two searches that differ only in their words
 * (the same number of clauses and terms, each a word or a phrase, a prefix or not, long enough for typos or not, with
 * Chinese, Japanese or Korean letters or not; the same filters, order, page and counts) send the same JSON but for
 * the words: the first is written by the client with a placeholder for each word, and later ones copy it with their
 * own words in. The client's writing of these requests (some 60 field names, and a highlight clause per highlighted
 * field, for the hits and again for the counts) was 14 % of search-service's request threads on C1, and building
 * them 7 % (README, rounds 45 and 46).
 */
@Component
class MultiSearchBodies {

    /**
     * The most characters of templates kept (a template is 7 to 50 KB); past it they start again, as a search without
     * a template costs no more than it did before templates. Filter values are part of a shape, so a client could
     * otherwise make the templates grow without end.
     */
    static final long MOST_CHARS = 4_000_000;

    private final SearchQueryFactory queries;
    private final JsonpMapper mapper;
    /** The templates written with one list of countries (a region's filter names its countries). */
    private volatile Templates templates = Templates.none(null);

    @Autowired
    MultiSearchBodies(SearchQueryFactory queries, ElasticsearchClient client) {
        this(queries, client._jsonpMapper());
    }

    MultiSearchBodies(SearchQueryFactory queries, JsonpMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    /** The body of one {@code _msearch}: the search, then its counts if the request asks for any. */
    byte[] body(SearchParameters params, Countries countries, Tolerance tolerance) {
        PlaceheldQuery masked = params.cursor() == null ? PlaceheldQuery.of(params.parsed()) : null;
        if (masked == null) {
            return written(params, countries, tolerance);
        }
        Templates current = templates;
        if (current.countries() != countries) {
            current = Templates.none(countries);
            templates = current;
        }
        Shape shape = new Shape(masked.query(), params.filters(), params.sorting(), params.page(), params.size(),
                params.counted(), tolerance);
        BodyTemplate template = current.shapes().get(shape);
        if (template == null) {
            SearchParameters placeheld = new SearchParameters("", masked.query(), params.filters(), params.sorting(),
                    params.page(), params.size(), null, params.counted());
            template = BodyTemplate.of(new String(written(placeheld, countries, tolerance), StandardCharsets.UTF_8),
                    masked.placeholders());
            if (template == null) {
                return written(params, countries, tolerance);
            }
            if (current.chars().addAndGet(template.length()) > MOST_CHARS) {
                current = Templates.none(countries);
                current.chars().set(template.length());
                templates = current;
            }
            current.shapes().put(shape, template);
        }
        return template.fill(masked.texts());
    }

    /** How many shapes have a template. */
    int shapes() {
        return templates.shapes().size();
    }

    /** How many characters the templates kept hold. */
    long templateChars() {
        return templates.chars().get();
    }

    /** The body as the Java client writes it: each line of each search's header and body, then a newline. */
    byte[] written(SearchParameters params, Countries countries, Tolerance tolerance) {
        MsearchRequest together = MsearchRequest.of(m -> {
            m.searches(SearchGate.item(queries.search(params, countries, tolerance)));
            if (!params.counted().isEmpty()) {
                m.searches(SearchGate.item(queries.facets(params, countries, tolerance)));
            }
            return m;
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        try {
            lines(together, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void lines(NdJsonpSerializable serializable, ByteArrayOutputStream out) throws IOException {
        for (Iterator<?> items = serializable._serializables(); items.hasNext(); ) {
            Object item = items.next();
            if (item == null) {
                continue;
            }
            if (item instanceof NdJsonpSerializable nested && item != serializable) {
                lines(nested, out);
            } else {
                ByteBuffer line = BinaryData.of(item, mapper).asByteBuffer();
                out.write(line.array(), line.arrayOffset() + line.position(), line.remaining());
                out.write('\n');
            }
        }
    }

    private record Templates(Countries countries, Map<Shape, BodyTemplate> shapes, AtomicLong chars) {

        static Templates none(Countries countries) {
            return new Templates(countries, new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    /** Everything in a search's requests but its words. */
    private record Shape(UserQuery query, Map<Facet, List<String>> filters, Sorting sorting, Integer page, int size,
                         Set<Facet> counted, Tolerance tolerance) {
    }
}
