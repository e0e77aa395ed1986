package dev.contentpipeline.search.query;

import dev.contentpipeline.model.ContentType;

/** A validated search request: what the query factory builds from. */
record SearchRequestParams(String query, ContentType type, int page, int size) {

    int from() {
        return (page - 1) * size;
    }
}
