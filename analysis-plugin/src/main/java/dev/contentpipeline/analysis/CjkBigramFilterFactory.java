package dev.contentpipeline.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;

import java.util.Set;

/**
 * {@code content_cjk_bigram}: Chinese, Japanese and Korean text as overlapping pairs of characters, the way the
 * standard tokenizer's single ideographs and kana become searchable words ({@code 白俄罗斯} → {@code 白俄 俄罗 罗斯}).
 * Full-width Latin and half-width katakana are first folded to their usual width. Other scripts pass through, unless
 * {@code cjk_only} (default false) drops them: a field that only ever answers Chinese, Japanese and Korean words then
 * indexes nothing of a text in other scripts (their positions are kept). Setting {@code output_unigrams} (default
 * false) also keeps the single characters.
 */
@NamedComponent("content_cjk_bigram")
public class CjkBigramFilterFactory implements TokenFilterFactory {

    private static final int ALL_SCRIPTS = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
            | CJKBigramFilter.HANGUL;

    /** What {@link CJKBigramFilter} makes of Chinese, Japanese and Korean characters: its pairs and singles. */
    private static final Set<String> CJK_TYPES = Set.of(CJKBigramFilter.DOUBLE_TYPE, CJKBigramFilter.SINGLE_TYPE);

    private final boolean outputUnigrams;
    private final boolean cjkOnly;

    @Inject
    public CjkBigramFilterFactory(Settings settings) {
        this.outputUnigrams = settings.outputUnigrams();
        this.cjkOnly = settings.cjkOnly();
    }

    @Override
    public TokenStream create(TokenStream input) {
        TokenStream bigrams = new CJKBigramFilter(new CJKWidthFilter(input), ALL_SCRIPTS, this.outputUnigrams);
        return this.cjkOnly ? new TypeTokenFilter(bigrams, CJK_TYPES, true) : bigrams;
    }

    @AnalysisSettings
    public interface Settings {

        @BooleanSetting(path = "output_unigrams", defaultValue = false)
        boolean outputUnigrams();

        @BooleanSetting(path = "cjk_only", defaultValue = false)
        boolean cjkOnly();
    }
}
