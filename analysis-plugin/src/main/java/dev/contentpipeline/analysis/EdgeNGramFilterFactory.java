package dev.contentpipeline.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/**
 * {@code content_edge_ngram}: the beginnings of each token ({@code eswatini} → {@code es esw eswa ...}), indexed so
 * that a word typed in part finds it (search as you type). For index analyzers only: the query side keeps whole
 * tokens. Settings: {@code min_gram} (2), {@code max_gram} (20), {@code preserve_original} (true: a token longer
 * than {@code max_gram} is kept whole as well).
 */
@NamedComponent("content_edge_ngram")
public class EdgeNGramFilterFactory implements TokenFilterFactory {

    private final int minGram;

    private final int maxGram;

    private final boolean preserveOriginal;

    /** Elasticsearch allows one public constructor: this one, with the settings the index gives. */
    @Inject
    public EdgeNGramFilterFactory(Settings settings) {
        int minGram = settings.minGram();
        int maxGram = settings.maxGram();
        if (minGram < 1 || maxGram < minGram) {
            throw new IllegalArgumentException("content_edge_ngram needs 1 <= min_gram <= max_gram, got min_gram="
                    + minGram + ", max_gram=" + maxGram);
        }
        this.minGram = minGram;
        this.maxGram = maxGram;
        this.preserveOriginal = settings.preserveOriginal();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new EdgeNGramTokenFilter(input, this.minGram, this.maxGram, this.preserveOriginal);
    }

    @AnalysisSettings
    public interface Settings {

        @IntSetting(path = "min_gram", defaultValue = 2)
        int minGram();

        @IntSetting(path = "max_gram", defaultValue = 20)
        int maxGram();

        @BooleanSetting(path = "preserve_original", defaultValue = true)
        boolean preserveOriginal();
    }
}
