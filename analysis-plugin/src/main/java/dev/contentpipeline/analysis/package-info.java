/**
 * The project's Elasticsearch analysis components, on the stable plugin API: token filters and a tokenizer with
 * {@code content_*} names, listed in {@code named_components.json}. The index definitions combine them with the
 * server's standard tokenizer and lowercase filter. Lucene's analysis classes come from the server at run time.
 */
package dev.contentpipeline.analysis;
