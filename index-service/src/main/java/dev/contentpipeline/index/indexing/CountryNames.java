package dev.contentpipeline.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.IndexFields;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Articles know their countries: each article is indexed with the names of the countries it references (short,
 * official, former names and aliases, names in other languages) in {@code countryNames}, so a search for a country
 * finds articles that never name it. When a country changes, the articles that reference it are written again
 * with the new names, at their own version, without being republished.
 */
@Component
class CountryNames {

    static final String FIELD = "countryNames";

    private final ElasticsearchClient client;
    private final ContentNames.Aliases aliases;

    CountryNames(ElasticsearchClient client, ContentNames names) {
        this.client = client;
        this.aliases = names.aliases();
    }

    /** Adds countryNames to the batch's article writes, from the batch's own country writes, else the index. */
    void enrich(List<IndexWrite> writes) throws IOException {
        Map<String, List<String>> known = new HashMap<>();
        for (IndexWrite write : writes) {
            if (isCountry(write)) {
                known.put(write.id(), namesOf(write.document()));
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (IndexWrite write : writes) {
            if (isArticle(write)) {
                codesOf(write.document()).stream().filter(code -> !known.containsKey(code)).forEach(missing::add);
            }
        }
        known.putAll(lookUp(missing));
        for (IndexWrite write : writes) {
            if (isArticle(write) && !Boolean.TRUE.equals(write.document().get(IndexFields.DELETED))) {
                write.document().put(FIELD, namesFor(codesOf(write.document()), known));
            }
        }
    }

    /** The articles referencing the changed countries, with fresh names, to write again at their own version. */
    List<IndexWrite> refreshedArticles(Collection<IndexWrite> countryWrites) throws IOException {
        if (countryWrites.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> changed = new HashMap<>();
        countryWrites.forEach(write -> changed.put(write.id(), namesOf(write.document())));
        String articles = aliases.articles();
        client.indices().refresh(r -> r.index(articles).ignoreUnavailable(true));
        List<FieldValue> codes = changed.keySet().stream().map(FieldValue::of).toList();
        List<IndexWrite> refreshed = new ArrayList<>();
        String after = null;
        while (true) {
            String searchAfter = after;
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> page = client.search(s -> {
                s.index(articles).ignoreUnavailable(true).size(500).sort(o -> o.field(f -> f.field(IndexFields.ID)))
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.terms(t -> t.field("countries").terms(v -> v.value(codes))))
                                .filter(f -> f.term(t -> t.field(IndexFields.DELETED).value(false)))));
                if (searchAfter != null) {
                    s.searchAfter(FieldValue.of(searchAfter));
                }
                return s;
            }, Map.class);
            if (page.hits().hits().isEmpty()) {
                break;
            }
            List<String> codesToLookUp = new ArrayList<>();
            for (@SuppressWarnings("rawtypes") Hit<Map> hit : page.hits().hits()) {
                codesOf(hit.source()).stream().filter(c -> !changed.containsKey(c)).forEach(codesToLookUp::add);
            }
            Map<String, List<String>> known = new HashMap<>(changed);
            known.putAll(lookUp(codesToLookUp));
            for (@SuppressWarnings("rawtypes") Hit<Map> hit : page.hits().hits()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> document = new HashMap<>(hit.source());
                document.put(FIELD, namesFor(codesOf(document), known));
                refreshed.add(new IndexWrite(null, articles, hit.id(),
                        ((Number) document.get(IndexFields.VERSION)).longValue(), document, true));
                after = hit.id();
            }
        }
        return refreshed;
    }

    private Map<String, List<String>> lookUp(Collection<String> codes) throws IOException {
        Map<String, List<String>> names = new HashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        @SuppressWarnings("rawtypes")
        MgetResponse<Map> response = client.mget(m -> m.index(aliases.countries())
                .ids(List.copyOf(new LinkedHashSet<>(codes))), Map.class);
        response.docs().forEach(doc -> {
            if (doc.isResult() && doc.result().found()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> source = doc.result().source();
                names.put(doc.result().id(), namesOf(source));
            }
        });
        return names;
    }

    boolean isCountry(IndexWrite write) {
        return write.alias().equals(aliases.countries());
    }

    private boolean isArticle(IndexWrite write) {
        return write.alias().equals(aliases.articles());
    }

    private static List<String> namesFor(List<String> codes, Map<String, List<String>> known) {
        Set<String> names = new LinkedHashSet<>();
        codes.forEach(code -> names.addAll(known.getOrDefault(code, List.of())));
        return List.copyOf(names);
    }

    @SuppressWarnings("unchecked")
    private static List<String> codesOf(Map<?, ?> document) {
        Object codes = document.get("countries");
        return codes instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static List<String> namesOf(Map<?, ?> country) {
        if (Boolean.TRUE.equals(country.get(IndexFields.DELETED))) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String field : List.of("name", "officialName")) {
            if (country.get(field) instanceof String name) {
                names.add(name);
            }
        }
        if (country.get("aliases") instanceof List<?> aliases) {
            aliases.forEach(alias -> names.add(String.valueOf(alias)));
        }
        if (country.get("names") instanceof Map<?, ?> byLanguage) {
            byLanguage.values().forEach(name -> names.add(String.valueOf(name)));
        }
        return List.copyOf(names);
    }
}
