package dev.contentpipeline.search.hits;

import java.util.List;

/**
 * One hit as the API shows it, for a search and a suggestion alike. {@code snippet} and {@code titleHtml} are
 * HTML: matched words in {@code <mark>}, everything else escaped.
 *
 * @param url where the stored record is served
 * @param countries an article's country codes; for a country, its own code
 */
public record Hit(String type, String id, String title, String titleHtml, String snippet, double score, String url,
                  String publishedAt, String language, List<String> countries, List<String> tags, String region) {
}
