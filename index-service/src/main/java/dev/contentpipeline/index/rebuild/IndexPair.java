package dev.contentpipeline.index.rebuild;

import dev.contentpipeline.index.indexing.IndexTargets;

/**
 * One version of both indices, by name and by the uuid Elasticsearch gave each: a name deleted and created again is
 * another index, which must not pass for the one a rebuild filled or a rollback remembers.
 */
record IndexPair(String articles, String countries, String articlesUuid, String countriesUuid) {

    IndexTargets targets() {
        return new IndexTargets(articles, countries);
    }

    @Override
    public String toString() {
        return articles + " and " + countries;
    }
}
