package dev.contentpipeline.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code content_synonyms}: the project's synonym list ({@code synonyms.txt}, Solr format, bundled in this jar) as
 * a synonym graph. Search time only: multi-word synonyms ({@code hot pot, hotpot, huoguo}) make a token graph that
 * queries read correctly but an index would flatten, so index analyzers may not use it, and a changed list needs
 * no reindex. It expects the tokens the list was read with: after {@code standard}, {@code lowercase} and
 * {@code content_folding}.
 */
@NamedComponent("content_synonyms")
public class SynonymFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new SynonymGraphFilter(input, SynonymList.map(), true);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return AnalysisMode.SEARCH_TIME;
    }
}
