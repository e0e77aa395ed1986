package dev.contentpipeline.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** The bundled synonym list, read once per JVM into an immutable, thread-safe map. */
final class SynonymList {

    static final String RESOURCE = "synonyms.txt";

    private SynonymList() {
    }

    static SynonymMap map() {
        return Holder.MAP;
    }

    /** Reads the list with the analysis the filter's input went through, so that rules and tokens agree. */
    static SynonymMap read(Reader rules) throws IOException, ParseException {
        try (Analyzer analyzer = new RuleAnalyzer()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(rules);
            return parser.build();
        }
    }

    private static final class Holder {

        static final SynonymMap MAP = load();

        private static SynonymMap load() {
            try (InputStream in = SynonymList.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the content-analysis plugin");
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not read " + RESOURCE, ex);
            }
            catch (ParseException ex) {
                throw new IllegalStateException(RESOURCE + " line " + ex.getErrorOffset() + ": " + ex.getMessage(), ex);
            }
        }
    }

    /** {@code standard}, {@code lowercase}, {@code content_folding}: what precedes the filter in the index settings. */
    private static final class RuleAnalyzer extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ContentFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
