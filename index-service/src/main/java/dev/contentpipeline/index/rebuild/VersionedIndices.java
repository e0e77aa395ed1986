package dev.contentpipeline.index.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexState;
import co.elastic.clients.json.JsonData;
import dev.contentpipeline.connections.ContentNames;
import dev.contentpipeline.model.IndexDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions {@code <alias>-v<n>} of both indices: which the aliases point at, the next one made from content-model's
 * definitions, and the one a version was rebuilt from. A version made by a rebuild names the index it replaced, and
 * that index's uuid, in its mapping's {@code _meta}: the rollback's memory outlives the process that made it. The
 * indexer's role may create {@code <alias>-v*}; it may not delete an index, and nothing here tries.
 */
@Component
class VersionedIndices {

    static final String REBUILT_FROM = "rebuilt_from";
    static final String REBUILT_FROM_UUID = "rebuilt_from_uuid";

    private static final Logger log = LoggerFactory.getLogger(VersionedIndices.class);
    private static final Pattern VERSION = Pattern.compile("-v(\\d+)$");

    private final ElasticsearchClient client;
    private final ContentNames.Aliases aliases;

    VersionedIndices(ElasticsearchClient client, ContentNames names) {
        this.client = client;
        this.aliases = names.aliases();
    }

    /** The indices the aliases point at now. */
    IndexPair live() {
        Map<String, IndexState> articles = versions(aliases.articles());
        Map<String, IndexState> countries = versions(aliases.countries());
        String article = behind(aliases.articles(), articles);
        String country = behind(aliases.countries(), countries);
        return new IndexPair(article, country, uuid(articles.get(article)), uuid(countries.get(country)));
    }

    /** Creates the next version of each index (highest existing + 1) from the definitions; tells each it created. */
    IndexPair createNext(IndexPair live, Consumer<String> created) {
        String articles = create(IndexDefinition.ARTICLES, aliases.articles(), live.articles(), live.articlesUuid());
        created.accept(articles);
        String countries = create(IndexDefinition.COUNTRIES, aliases.countries(), live.countries(),
                live.countriesUuid());
        created.accept(countries);
        return reread(new IndexPair(articles, countries, null, null));
    }

    /** The version {@code live} was rebuilt from, if both indices of it are still the ones it replaced. */
    IndexPair previous(IndexPair live) {
        Map<String, IndexState> articles = versions(aliases.articles());
        Map<String, IndexState> countries = versions(aliases.countries());
        IndexPair previous = new IndexPair(meta(articles.get(live.articles()), REBUILT_FROM),
                meta(countries.get(live.countries()), REBUILT_FROM),
                meta(articles.get(live.articles()), REBUILT_FROM_UUID),
                meta(countries.get(live.countries()), REBUILT_FROM_UUID));
        if (previous.articles() == null || previous.countries() == null) {
            throw new NothingToRollBack(live + " were not made by a rebuild: there is no earlier version to return to");
        }
        if (!Objects.equals(previous.articlesUuid(), uuid(articles.get(previous.articles())))
                || !Objects.equals(previous.countriesUuid(), uuid(countries.get(previous.countries())))) {
            throw new NothingToRollBack(previous + ", which " + live + " replaced, are gone (deleted, or made "
                    + "again): nothing to return to; POST /api/rebuilds makes a new version instead");
        }
        return previous;
    }

    /** The pair as Elasticsearch knows it now: the same names, with the uuids they have now (null when gone). */
    IndexPair reread(IndexPair pair) {
        return new IndexPair(pair.articles(), pair.countries(), uuid(versions(aliases.articles()).get(pair.articles())),
                uuid(versions(aliases.countries()).get(pair.countries())));
    }

    private String create(IndexDefinition definition, String alias, String previous, String previousUuid) {
        int next = versions(alias).keySet().stream().mapToInt(VersionedIndices::version).max().orElse(0) + 1;
        String index = alias + "-v" + next;
        ObjectNode body = (ObjectNode) JsonMapper.shared().readTree(definition.json());
        body.withObjectProperty("mappings").withObjectProperty("_meta").put(REBUILT_FROM, previous)
                .put(REBUILT_FROM_UUID, previousUuid).put("rebuilt_at", Instant.now().toString());
        try {
            client.indices().create(c -> c.index(index).withJson(new StringReader(body.toString())));
        } catch (IOException | ElasticsearchException e) {
            throw new RebuildFailure("Could not create " + index + ": " + e.getMessage(), e);
        }
        log.info("Created {} from content-model's {} definition, to replace {}", index, definition, previous);
        return index;
    }

    /** Every {@code <alias>-v<n>} index, with its aliases, mapping and settings. */
    private Map<String, IndexState> versions(String alias) {
        try {
            return client.indices().get(g -> g.index(alias + "-v*")).result();
        } catch (IOException | ElasticsearchException e) {
            throw new RebuildFailure("Could not read the indices " + alias + "-v*: " + e.getMessage(), e);
        }
    }

    private static String behind(String alias, Map<String, IndexState> versions) {
        var pointed = versions.entrySet().stream().filter(e -> e.getValue().aliases().containsKey(alias))
                .map(Map.Entry::getKey).toList();
        if (pointed.size() != 1) {
            throw new RebuildFailure("The alias " + alias + " points at " + (pointed.isEmpty() ? "no index "
                    + alias + "-v<n>" : "several indices, " + pointed) + "; a rebuild needs it on exactly one");
        }
        return pointed.get(0);
    }

    private static int version(String index) {
        Matcher matcher = VERSION.matcher(index);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static String uuid(IndexState state) {
        IndexSettings settings = state == null ? null : state.settings();
        if (settings == null) {
            return null;
        }
        return settings.uuid() != null ? settings.uuid() : settings.index() == null ? null : settings.index().uuid();
    }

    private static String meta(IndexState state, String key) {
        JsonData value = state == null || state.mappings() == null ? null : state.mappings().meta().get(key);
        return value == null ? null : value.to(String.class);
    }
}
