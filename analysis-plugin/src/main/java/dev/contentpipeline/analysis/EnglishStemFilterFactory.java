package dev.contentpipeline.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code content_english_stem}: drops the English possessive ({@code Åland's} → {@code Åland}, straight or curly
 * apostrophe), then stems with KStem. KStem rather than Porter: it only conflates forms of dictionary words
 * ({@code cultures} → {@code culture}), so place names and foreign words come through unchanged.
 */
@NamedComponent("content_english_stem")
public class EnglishStemFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new KStemFilter(new EnglishPossessiveFilter(input));
    }
}
