package dev.contentpipeline.search.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.search.SearchProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code GET /api/search}: full text over titles, summaries, bodies, country names and aliases. */
@RestController
@RequestMapping("/api")
class SearchController {

    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_WINDOW = 10_000;

    private final ElasticsearchClient client;
    private final SearchQueryFactory queries;
    private final SearchProperties properties;

    SearchController(ElasticsearchClient client, SearchQueryFactory queries, SearchProperties properties) {
        this.client = client;
        this.queries = queries;
        this.properties = properties;
    }

    @GetMapping("/search")
    @SuppressWarnings("rawtypes")
    SearchResults search(@RequestParam(required = false) String q,
                         @RequestParam(required = false) String type,
                         @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size) throws IOException {
        SearchRequestParams params = validate(q, type, page, size);
        SearchResponse<Map> response = client.search(queries.build(params), Map.class);
        List<SearchResults.Hit> hits = response.hits().hits().stream().map(SearchController::toHit).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResults(params.query(), total, response.took(), params.page(), params.size(), hits);
    }

    private SearchRequestParams validate(String q, String type, Integer page, Integer size) {
        BadSearchRequestException.Builder errors = new BadSearchRequestException.Builder();
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            errors.add("q", "is required: the words to search for");
        } else if (query.length() > MAX_QUERY_LENGTH) {
            errors.add("q", "must be at most " + MAX_QUERY_LENGTH + " characters, was " + query.length());
        }
        ContentType contentType = null;
        if (type != null && !type.isBlank()) {
            try {
                contentType = ContentType.fromWireName(type.strip());
            } catch (IllegalArgumentException e) {
                errors.add("type", "must be article or country, was '" + type + "'");
            }
        }
        int pageNumber = page == null ? 1 : page;
        int pageSize = size == null ? properties.defaultSize() : size;
        if (pageNumber < 1) {
            errors.add("page", "must be 1 or more, was " + pageNumber);
        }
        if (pageSize < 1 || pageSize > properties.maxSize()) {
            errors.add("size", "must be between 1 and " + properties.maxSize() + ", was " + pageSize);
        }
        if (pageNumber >= 1 && pageSize >= 1 && (long) pageNumber * pageSize > MAX_WINDOW) {
            errors.add("page", "page × size must be at most " + MAX_WINDOW);
        }
        errors.throwIfAny();
        return new SearchRequestParams(query, contentType, pageNumber, pageSize);
    }

    @SuppressWarnings("rawtypes")
    private static SearchResults.Hit toHit(Hit<Map> hit) {
        Map source = hit.source();
        String type = String.valueOf(source.get("type"));
        boolean country = ContentType.COUNTRY.wireName().equals(type);
        String title = String.valueOf(source.get(country ? "name" : "title"));
        return new SearchResults.Hit(type, hit.id(), title, snippet(hit, source),
                hit.score() == null ? 0 : hit.score());
    }

    @SuppressWarnings("rawtypes")
    private static String snippet(Hit<Map> hit, Map source) {
        for (String field : SearchQueryFactory.HIGHLIGHTED) {
            List<String> fragments = hit.highlight().get(field);
            if (fragments != null && !fragments.isEmpty()) {
                return fragments.get(0);
            }
        }
        Object fallback = source.get("summary") != null ? source.get("summary") : source.get("body");
        if (fallback == null) {
            return "";
        }
        String text = fallback.toString();
        return HtmlUtils.htmlEscape(text.length() > 180 ? text.substring(0, 180) + "…" : text);
    }
}
