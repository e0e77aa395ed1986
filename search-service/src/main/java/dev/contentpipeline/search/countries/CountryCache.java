package dev.contentpipeline.search.countries;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.IndexFields;
import dev.contentpipeline.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published countries, read from the countries index at most once per {@code search.countries-refresh}.
 * When Elasticsearch cannot be read, the last good copy serves (at first, none: no region filter, no card).
 */
@Component
public class CountryCache {

    private static final Logger log = LoggerFactory.getLogger(CountryCache.class);
    /** More than ISO 3166-1 assigns, reserved and historical codes included. */
    private static final int MAX_COUNTRIES = 1_000;

    private final ElasticsearchClient client;
    private final SearchProperties properties;
    private final String alias;
    private volatile Countries current = Countries.NONE;
    private volatile long readAt;
    private volatile boolean read;

    CountryCache(ElasticsearchClient client, SearchProperties properties, ContentNames names) {
        this.alias = names.aliases().countries();
        this.client = client;
        this.properties = properties;
    }

    public Countries countries() {
        if (!read || System.nanoTime() - readAt > properties.countriesRefresh().toNanos()) {
            synchronized (this) {
                if (!read || System.nanoTime() - readAt > properties.countriesRefresh().toNanos()) {
                    reload();
                }
            }
        }
        return current;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void reload() {
        readAt = System.nanoTime();
        read = true;
        try {
            SearchResponse<Map> response = client.search(s -> s
                    .index(alias)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(MAX_COUNTRIES)
                    .query(q -> q.term(t -> t.field(IndexFields.DELETED).value(false)))
                    .source(src -> src.filter(f -> f.includes("code", "name", "officialName", "aliases", "names",
                            "region", "subregion", "status", "summary"))), Map.class);
            List<CountryCard> cards = new ArrayList<>();
            Map<String, List<String>> names = new LinkedHashMap<>();
            for (Hit<Map> hit : response.hits().hits()) {
                Map<String, Object> source = hit.source();
                String code = hit.id();
                Map<String, String> localNames = source.get("names") instanceof Map m ? m : Map.of();
                cards.add(new CountryCard(code, text(source, "name"), text(source, "officialName"),
                        text(source, "region"), text(source, "subregion"), text(source, "status"),
                        text(source, "summary"), localNames, "/api/countries/" + code));
                List<String> all = new ArrayList<>();
                all.add(text(source, "name"));
                all.add(text(source, "officialName"));
                if (source.get("aliases") instanceof List aliases) {
                    aliases.forEach(alias -> all.add(String.valueOf(alias)));
                }
                all.addAll(localNames.values());
                names.put(code, all.stream().filter(n -> n != null && !n.isBlank()).toList());
            }
            current = Countries.of(cards, names);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not read the countries from {}; keeping the {} known: {}",
                    alias, current.byCode().size(), e.toString());
        }
    }

    private static String text(Map<String, Object> source, String field) {
        Object value = source.get(field);
        return value == null ? null : value.toString();
    }
}
