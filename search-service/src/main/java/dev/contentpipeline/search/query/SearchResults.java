package dev.contentpipeline.search.query;

import java.util.List;

/** The search API's answer. {@code snippet} is HTML: matched words in {@code <mark>}, everything else escaped. */
record SearchResults(String query, long total, long tookMs, int page, int size, List<Hit> hits) {

    record Hit(String type, String id, String title, String snippet, double score) {
    }
}
