package dev.contentpipeline.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code content_script_folding}: the spellings of one word in Devanagari, Bengali and the Arabic script (Arabic,
 * Persian, Urdu) that readers type interchangeably become the same token, and every script's digits become ASCII
 * digits. A new name rather than a change to {@code content_folding}: an index keeps the tokens its analyzers made
 * when it was written, so changed analysis reaches existing data only through a new index version and a rebuild.
 * @see ScriptFoldingFilter
 */
@NamedComponent("content_script_folding")
public class ScriptFoldingFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new ScriptFoldingFilter(input);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return new ScriptFoldingFilter(input);
    }
}
