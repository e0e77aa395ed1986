package dev.contentpipeline.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An article as it travels on the articles topic: the JSON of this record, keyed by {@code id}.
 * {@code version} is optional on the wire; it increases per id and the newest version wins in the index.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
        String id,
        String title,
        String summary,
        String body,
        String language,
        List<String> countries,
        List<String> tags,
        String author,
        Instant publishedAt,
        Instant updatedAt,
        Long version) {

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    public static final String DEFAULT_LANGUAGE = "en";
    static final int MAX_BODY_LENGTH = 1_000_000;

    public Article {
        FieldChecks checks = new FieldChecks();
        checks.maxItems("countries", countries, 250);
        checks.maxItems("tags", tags, 50);
        id = FieldChecks.clean(id);
        title = FieldChecks.clean(title);
        summary = FieldChecks.cleanText(summary);
        body = FieldChecks.cleanText(body);
        language = FieldChecks.clean(language) == null ? DEFAULT_LANGUAGE : FieldChecks.clean(language);
        countries = FieldChecks.upperAll(countries);
        tags = FieldChecks.cleanAll(tags);
        author = FieldChecks.clean(author);
        updatedAt = updatedAt == null ? publishedAt : updatedAt;

        checks.matches("id", id, ID, "a slug of lower-case letters, digits and hyphens, at most 100 characters");
        checks.text("title", title, true, 500);
        checks.text("summary", summary, false, 2_000);
        checks.text("body", body, true, MAX_BODY_LENGTH);
        checks.language("language", language);
        checks.countryCodes("countries", countries);
        checks.listOf("tags", tags, 100);
        checks.text("author", author, false, 200);
        if (publishedAt == null) {
            checks.add("publishedAt", "is required, as an ISO-8601 instant such as 2026-03-02T08:00:00Z");
        } else if (updatedAt.isBefore(publishedAt)) {
            checks.add("updatedAt", "must not be before publishedAt");
        }
        checks.version(version);
        checks.throwIfAny();
    }

    /** What a consumer that passes the article's JSON on as it is needs of it. */
    public ArticleHead head() {
        return new ArticleHead(id, version, countries);
    }

    public Article withVersion(long newVersion) {
        return new Article(id, title, summary, body, language, countries, tags, author, publishedAt, updatedAt,
                newVersion);
    }
}
