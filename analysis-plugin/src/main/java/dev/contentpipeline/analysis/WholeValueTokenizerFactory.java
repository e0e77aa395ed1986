package dev.contentpipeline.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * {@code content_whole_value}: the whole value as one token, for exact matches on names and titles. The
 * distribution's own {@code keyword} tokenizer lives in a module some builds lack, and a keyword field's
 * normalizer cannot use plugin filters: an analyzer of this tokenizer, {@code lowercase} and
 * {@code content_folding} is the exact match that ignores case, accents and kinds of spaces.
 */
@NamedComponent("content_whole_value")
public class WholeValueTokenizerFactory implements TokenizerFactory {

    @Override
    public Tokenizer create() {
        return new KeywordTokenizer();
    }
}
