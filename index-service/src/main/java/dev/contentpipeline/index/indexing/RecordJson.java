package dev.contentpipeline.index.indexing;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ArticleHead;
import dev.contentpipeline.model.ContentJson;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * An article's JSON object as the bulk body carries it, with the fields the indexer adds spliced in before its
 * closing brace, so that the record is parsed once (to validate it) and never written again. The record's own bytes
 * are sent only where they say exactly what {@link ContentJson#write} would: the article's fields and no others,
 * each value as the validated article holds it (already clean, upper-case codes, instants in ISO-8601 with Z), and
 * on one line, as a bulk body needs; any other record is sent as {@code ContentJson.write} writes it.
 *
 * @param json a JSON object on one line, holding none of the fields the indexer adds
 * @param countries the article's country codes, for its countries' names
 */
record RecordJson(byte[] json, List<String> countries) {

    /** What the indexer needs of an article read from a record, and the JSON to send for it. */
    record Read(ArticleHead article, RecordJson json) {
    }

    /**
     * Reads an article record (refusing it as {@link ContentJson#readArticle} does) and finds the JSON to send for it.
     * A record as ingest publishes it is parsed once: {@link ContentJson#readArticleHeadAsWritten} both reads it and
     * finds it sendable as it is. Any other is read as before and written again.
     */
    static Read read(byte[] record) {
        ArticleHead asWritten = ContentJson.readArticleHeadAsWritten(record, 0, record.length);
        if (asWritten != null) {
            return new Read(asWritten, new RecordJson(record, asWritten.countries()));
        }
        Article article = ContentJson.readArticle(record, false);
        return new Read(article.head(), new RecordJson(ContentJson.write(article), article.countries()));
    }

    /** The object with the given fields (none of them the object's own) added at its end. */
    byte[] with(Map<String, Object> added) {
        byte[] fields = JsonMapper.shared().writeValueAsBytes(added);
        int end = json.length - 1;
        while (json[end] != '}') {
            end--;
        }
        if (fields.length == 2) {
            return json;
        }
        byte[] document = new byte[end + fields.length];
        System.arraycopy(json, 0, document, 0, end);
        document[end] = ',';
        System.arraycopy(fields, 1, document, end + 1, fields.length - 1);
        return document;
    }
}
