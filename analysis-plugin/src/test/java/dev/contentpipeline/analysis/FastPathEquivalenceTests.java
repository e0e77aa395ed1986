package dev.contentpipeline.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.bn.BengaliNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters skip their per-character work on the characters that cannot change (ASCII and the Latin blocks): on
 * random text from every script they handle, they must give exactly what the plain form of each gives, the form they
 * had before the skips (written out below, on Lucene's own filters). Tokens already indexed depend on it: a changed
 * token would need a new index version and a rebuild.
 */
class FastPathEquivalenceTests {

    /** Characters from each rule's range and around it, surrogate pairs included. */
    private static final String[] PIECES = {
        "a", "Z", "q", "7", " ", "  ", ".", ",", "-", "'", "`", "\t", "\n", "\u001C", "\u0001", "\u007F", "é", "ß",
        "Å", "\u00A0", "\u00B4", "\u00D7", "\u01C4", "\u02BC", "\u02BB", "\u02FF", "\u0300", "\u0301", "\u0345",
        "Ω", "ж", "\u0483", "\u05B0", "\u05D0", "\u0600", "\u060C", "ا", "ب", "ي", "ى", "ة", "ه", "\u064B", "\u0650",
        "\u0652", "\u0655", "\u065F", "\u0660", "\u0665", "\u0640", "\u0670", "\u0671", "\u0672", "\u0622", "\u0623",
        "\u0625", "\u06A9", "\u06AA", "\u06BE", "\u06C0", "\u06C1", "\u06C2", "\u06CC", "\u06D2", "\u06D5", "\u06D6",
        "\u06ED", "\u06F0", "\u06F9", "\u06FF", "\u0750", "\u08A0", "\u0901", "\u0902", "\u0905", "\u0915", "\u0928",
        "\u093C", "\u094D", "\u0958", "\u095B", "\u0966", "\u096F", "\u0985", "\u09AF", "\u09BC", "\u09CD", "\u09CE",
        "\u09DC", "\u09DF", "\u09E6", "\u0A15", "\u0A3C", "\u0B95", "\u0BE7", "\u0E51", "\u200B", "\u200C", "\u200D",
        "\u2003", "\u2018", "\u2019", "\u201B", "\u2032", "白", "俄", "ア", "\uFB50", "\uFE70", "\uFF07", "\uFF11",
        "\uD835\uDFCE", "\uD835\uDFD7", "\uD801\uDCA0", "\uD83D\uDE00", "\uD800",
    };

    private final Random random = new Random(20261203);

    @Test
    void scriptFoldingGivesTheTokensOfLucenesFilterChain() {
        forRandomTexts((text) -> {
            assertThat(words(text, ScriptFoldingFilter::new)).isEqualTo(words(text, PlainScriptFolding::new));
            assertThat(whole(text, ScriptFoldingFilter::new)).isEqualTo(whole(text, PlainScriptFolding::new));
        });
    }

    @Test
    void contentFoldingGivesTheTokensOfItsPlainForm() {
        forRandomTexts((text) -> {
            assertThat(words(text, ContentFoldingFilter::new)).isEqualTo(words(text, PlainContentFolding::new));
            assertThat(whole(text, ContentFoldingFilter::new)).isEqualTo(whole(text, PlainContentFolding::new));
        });
    }

    @Test
    void zwnjSpaceWritesTheCharactersOfItsPlainForm() {
        forRandomTexts((text) -> {
            int chunk = 1 + this.random.nextInt(8);
            assertThat(read(new ZwnjSpaceCharFilter(new StringReader(text)), chunk))
                .isEqualTo(read(new PlainZwnjSpace(new StringReader(text)), chunk));
        });
    }

    /** The check on 20,000 random texts; a failure names the text's code units. */
    private void forRandomTexts(Consumer<String> check) {
        for (int i = 0; i < 20_000; i++) {
            String text = randomText();
            try {
                check.accept(text);
            }
            catch (AssertionError ex) {
                throw new AssertionError("for the text " + escaped(text) + ": " + ex.getMessage(), ex);
            }
        }
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int pieces = this.random.nextInt(24);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[this.random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static List<String> words(String text, UnaryOperator<TokenStream> filter) {
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        return Tokens.collect(filter.apply(new LowerCaseFilter(tokenizer)));
    }

    private static List<String> whole(String text, UnaryOperator<TokenStream> filter) {
        Tokenizer tokenizer = new KeywordTokenizer();
        tokenizer.setReader(new StringReader(text));
        return Tokens.collect(filter.apply(tokenizer));
    }

    /** Everything the filter writes, read {@code chunk} characters at a time, as a tokenizer would. */
    private static String read(Reader reader, int chunk) {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[chunk + 2];
        try (reader) {
            for (int n = reader.read(buffer, 1, chunk); n != -1; n = reader.read(buffer, 1, chunk)) {
                out.append(buffer, 1, n);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static String escaped(String text) {
        List<String> codes = new ArrayList<>();
        text.chars().forEach((c) -> codes.add(String.format("U+%04X", c)));
        return String.join(" ", codes);
    }

    /** Script folding as it was: Lucene's six filters on every token, then the folds. */
    private static final class PlainScriptFolding extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        PlainScriptFolding(TokenStream input) {
            super(new PersianNormalizationFilter(new ArabicNormalizationFilter(new BengaliNormalizationFilter(
                    new HindiNormalizationFilter(new IndicNormalizationFilter(new DecimalDigitFilter(input)))))));
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!this.input.incrementToken()) {
                return false;
            }
            char[] buffer = this.term.buffer();
            int written = 0;
            for (int i = 0; i < this.term.length(); i++) {
                char folded = ScriptFoldingFilter.fold(buffer[i]);
                if (folded != '\uFFFF') {
                    buffer[written++] = folded;
                }
            }
            this.term.setLength(written);
            return true;
        }
    }

    /** Content folding as it was: every character asked whether it is a space and whether an apostrophe. */
    private static final class PlainContentFolding extends TokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        PlainContentFolding(TokenStream input) {
            super(new ASCIIFoldingFilter(input, false));
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!this.input.incrementToken()) {
                return false;
            }
            char[] buffer = this.term.buffer();
            int written = 0;
            boolean pendingSpace = false;
            for (int i = 0; i < this.term.length(); i++) {
                char c = buffer[i];
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = written > 0;
                    continue;
                }
                if (pendingSpace) {
                    buffer[written++] = ' ';
                    pendingSpace = false;
                }
                buffer[written++] = ContentFoldingFilter.isApostrophe(c) ? '\'' : c;
            }
            this.term.setLength(written);
            return true;
        }
    }

    /** The non-joiner rule as it was: every character's type and script looked up. */
    private static final class PlainZwnjSpace extends CharFilter {

        private boolean afterArabic;

        PlainZwnjSpace(Reader input) {
            super(input);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = this.input.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                char c = buffer[i];
                if (c == '\u200C' && this.afterArabic) {
                    buffer[i] = ' ';
                }
                if (c != '\u200C' && Character.getType(c) != Character.NON_SPACING_MARK) {
                    this.afterArabic = Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
                }
            }
            return read;
        }

        @Override
        protected int correct(int currentOffset) {
            return currentOffset;
        }
    }
}
