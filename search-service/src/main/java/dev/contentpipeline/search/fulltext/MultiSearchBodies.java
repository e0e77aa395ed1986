package dev.contentpipeline.search.fulltext;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.NdJsonpSerializable;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.contentpipeline.search.countries.Countries;
import dev.contentpipeline.search.door.SearchGate;
import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.fulltext.TextQueries.Tolerance;
import dev.contentpipeline.search.userquery.UserQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

    /** Begins every placeholder; no term with a character of the placeholders' range is templated. */
    private static final char MARK = '\uE000';
    private static final char FIRST_INDEX = '\uE100';
    private static final char PAD = '\uE001';
    private static final String CJK = "\u4E00";
    private static final char LAST_PLACEHOLDER_CHAR = '\uE1FF';

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
        Masked masked = params.cursor() == null ? Masked.of(params.parsed()) : null;
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
        Template template = current.shapes().get(shape);
        if (template == null) {
            SearchParameters placeheld = new SearchParameters("", masked.query(), params.filters(), params.sorting(),
                    params.page(), params.size(), null, params.counted());
            template = Template.of(new String(written(placeheld, countries, tolerance), StandardCharsets.UTF_8),
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

    private record Templates(Countries countries, Map<Shape, Template> shapes, AtomicLong chars) {

        static Templates none(Countries countries) {
            return new Templates(countries, new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    /** Everything in a search's requests but its words. */
    private record Shape(UserQuery query, Map<Facet, List<String>> filters, Sorting sorting, Integer page, int size,
                         Set<Facet> counted, Tolerance tolerance) {
    }

    /**
     * A query with each distinct text of its terms replaced by a placeholder that the query factory treats alike: as
     * long as a word that takes typos or not, with Chinese, Japanese or Korean letters or not.
     *
     * @param texts the replaced texts, in the placeholders' order
     */
    record Masked(UserQuery query, List<String> texts, List<String> placeholders) {

        static Masked of(UserQuery query) {
            Map<String, String> placeholders = new LinkedHashMap<>();
            List<UserQuery.Clause> required = new ArrayList<>(query.required().size());
            for (UserQuery.Clause clause : query.required()) {
                List<UserQuery.Term> terms = new ArrayList<>(clause.anyOf().size());
                for (UserQuery.Term term : clause.anyOf()) {
                    UserQuery.Term masked = masked(term, placeholders);
                    if (masked == null) {
                        return null;
                    }
                    terms.add(masked);
                }
                required.add(new UserQuery.Clause(terms));
            }
            List<UserQuery.Term> excluded = new ArrayList<>(query.excluded().size());
            for (UserQuery.Term term : query.excluded()) {
                UserQuery.Term masked = masked(term, placeholders);
                if (masked == null) {
                    return null;
                }
                excluded.add(masked);
            }
            return new Masked(new UserQuery(required, excluded, List.of()), List.copyOf(placeholders.keySet()),
                    List.copyOf(placeholders.values()));
        }

        private static UserQuery.Term masked(UserQuery.Term term, Map<String, String> placeholders) {
            String text = term.text();
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= MARK && text.charAt(i) <= LAST_PLACEHOLDER_CHAR) {
                    return null;
                }
            }
            String placeholder = placeholders.get(text);
            if (placeholder == null) {
                if (placeholders.size() > LAST_PLACEHOLDER_CHAR - FIRST_INDEX) {
                    return null;
                }
                placeholder = placeholder(placeholders.size(), text);
                placeholders.put(text, placeholder);
            }
            return term instanceof UserQuery.Word word ? new UserQuery.Word(placeholder, word.prefix())
                    : new UserQuery.Phrase(placeholder);
        }

        /** The i-th placeholder, for a text: what the query factory asks of a term's text, answered alike. */
        static String placeholder(int index, String text) {
            StringBuilder placeholder = new StringBuilder().append(MARK).append((char) (FIRST_INDEX + index));
            if (SearchFields.hasCjk(text)) {
                placeholder.append(CJK);
            }
            if (SearchFields.takesTypos(text)) {
                while (placeholder.length() < SearchFields.ONE_TYPO_FROM) {
                    placeholder.append(PAD);
                }
            }
            return placeholder.toString();
        }
    }

    /**
     * A body cut at its placeholders: {@code segments[i]}, then the text of placeholder {@code slots[i]}, and so on,
     * the last segment after the last slot.
     */
    private record Template(String[] segments, int[] slots) {

        /** Null where the body holds a placeholder's mark other than in a whole placeholder. */
        static Template of(String body, List<String> placeholders) {
            List<String> segments = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            int start = 0;
            for (int at = body.indexOf(MARK); at >= 0; at = body.indexOf(MARK, start)) {
                int slot = at + 1 < body.length() ? body.charAt(at + 1) - FIRST_INDEX : -1;
                if (slot < 0 || slot >= placeholders.size() || !body.startsWith(placeholders.get(slot), at)) {
                    return null;
                }
                segments.add(body.substring(start, at));
                slots.add(slot);
                start = at + placeholders.get(slot).length();
            }
            segments.add(body.substring(start));
            return new Template(segments.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
        }

        long length() {
            long length = 0;
            for (String segment : segments) {
                length += segment.length();
            }
            return length;
        }

        byte[] fill(List<String> texts) {
            char[][] escaped = new char[texts.size()][];
            int length = 0;
            for (String segment : segments) {
                length += segment.length();
            }
            for (int i = 0; i < texts.size(); i++) {
                escaped[i] = JsonStringEncoder.getInstance().quoteAsString(texts.get(i));
            }
            StringBuilder body = new StringBuilder(length + 64 * slots.length);
            for (int i = 0; i < slots.length; i++) {
                body.append(segments[i]).append(escaped[slots[i]]);
            }
            body.append(segments[segments.length - 1]);
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
