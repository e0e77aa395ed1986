package dev.contentpipeline.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code content_folding}: {@code Côte d’Ivoire} and {@code Cote d'Ivoire} become the same tokens. After
 * {@code content_whole_value} it also evens out the spaces of a whole value (a NO-BREAK SPACE typed for a space).
 * Elasticsearch 8.19 does not let keyword normalizers use plugin filters, hence that tokenizer.
 * @see ContentFoldingFilter
 */
@NamedComponent("content_folding")
public class FoldingFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new ContentFoldingFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return new ContentFoldingFilter(input);
    }
}
