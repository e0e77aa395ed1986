package dev.contentpipeline.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

/**
 * {@code content_cjk_bigram}: Chinese, Japanese and Korean text as overlapping pairs of characters, the way the
 * standard tokenizer's single ideographs and kana become searchable words ({@code 白俄罗斯} → {@code 白俄 俄罗 罗斯}).
 * Full-width Latin and half-width katakana are first folded to their usual width. Other scripts pass through.
 * Setting {@code output_unigrams} (default false) also keeps the single characters.
 */
@NamedComponent("content_cjk_bigram")
public class CjkBigramFilterFactory implements TokenFilterFactory {

    private static final int ALL_SCRIPTS = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
            | CJKBigramFilter.HANGUL;

    private final boolean outputUnigrams;

    @Inject
    public CjkBigramFilterFactory(Settings settings) {
        this.outputUnigrams = settings.outputUnigrams();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new CJKBigramFilter(new CJKWidthFilter(input), ALL_SCRIPTS, this.outputUnigrams);
    }

    @AnalysisSettings
    public interface Settings {

        @BooleanSetting(path = "output_unigrams", defaultValue = false)
        boolean outputUnigrams();
    }
}
