package dev.contentpipeline.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The settings and mappings of each content type's index, kept as JSON resources. Each definition carries a
 * version: the physical index is {@code <alias>-v<version>}, and readers only ever use the alias.
 */
public enum IndexDefinition {
    // v2: the content-analysis plugin's analyzers and per-field sub-fields (exact, folded, stemmed, cjk,
    // autocomplete); articles gain countryNames.
    // v3: content_zwnj_space and content_script_folding in every folding analyzer (Devanagari, Bengali and
    // Arabic-script spellings, digits); an existing deployment gets it by a rebuild (POST /api/rebuilds).
    // v4: a country's names in every language (names.<language>) are copied into one stored field, allNames, searched
    // and highlighted in place of a sub-field per language; the sub-fields an article's title and snippet are
    // highlighted from (title and summary folded and stemmed, body stemmed) keep offsets in their postings, so the
    // highlighter reads them there instead of analysing the text again.
    // v5 (articles): a body is analysed twice instead of four times. Its own field is no longer indexed (nothing
    // searched it; "did you mean" reads body.folded), and body.cjk keeps only Chinese, Japanese and Korean words
    // (content_cjk_only): it is searched only for a query in those scripts, and every other word of a body is in
    // body.folded and body.stemmed.
    ARTICLES(ContentType.ARTICLE, 5, "index/articles.json"),
    COUNTRIES(ContentType.COUNTRY, 4, "index/countries.json");

    private final ContentType contentType;
    private final int version;
    private final String resource;

    IndexDefinition(ContentType contentType, int version, String resource) {
        this.contentType = contentType;
        this.version = version;
        this.resource = resource;
    }

    public ContentType contentType() {
        return contentType;
    }

    public int version() {
        return version;
    }

    public String physicalName(String alias) {
        return alias + "-v" + version;
    }

    /** The create-index body: settings and mappings. */
    public String json() {
        try (InputStream in = IndexDefinition.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
