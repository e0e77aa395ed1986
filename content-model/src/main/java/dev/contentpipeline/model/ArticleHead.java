package dev.contentpipeline.model;

import java.util.List;

/**
 * What a consumer that passes an article's JSON on as it is needs of the article: its key, its version (null when
 * the JSON holds none) and its country codes.
 */
public record ArticleHead(String id, Long version, List<String> countries) {
}
