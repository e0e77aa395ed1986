package dev.contentpipeline.ingest.publishing;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ArticleHead;
import dev.contentpipeline.model.ContentJson;
import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.model.Country;

import java.util.function.LongFunction;

/**
 * One write to publish: an upsert or a delete of one id, with the version its publisher asked for, if any.
 *
 * @param valueAt the record's JSON at a given version; null for a delete (a tombstone)
 */
public record ContentWrite(ContentType type, String id, Long version, LongFunction<byte[]> valueAt) {

    public static ContentWrite upsert(Article article) {
        return new ContentWrite(ContentType.ARTICLE, article.id(), article.version(),
                version -> ContentJson.writeAtVersion(article, version));
    }

    /**
     * An upsert of an article whose JSON, as sent, says exactly what writing it would (read by
     * {@link ContentJson#readArticleHeadAsWritten}) and holds no version: published as sent, with the version added.
     * The JSON lies from {@code from} to {@code to} in {@code body}, which is kept, unchanged, until the write is sent.
     */
    public static ContentWrite upsertAsSent(ArticleHead article, byte[] body, int from, int to) {
        if (article.version() != null) {
            throw new IllegalArgumentException("the article's JSON holds a version: publish it with upsert(article)");
        }
        return new ContentWrite(ContentType.ARTICLE, article.id(), null,
                version -> ContentJson.atVersion(body, from, to, version));
    }

    public static ContentWrite upsert(Country country) {
        return new ContentWrite(ContentType.COUNTRY, country.code(), country.version(),
                version -> ContentJson.writeAtVersion(country, version));
    }

    public static ContentWrite delete(ContentType type, String id, Long version) {
        return new ContentWrite(type, id, version, null);
    }
}
