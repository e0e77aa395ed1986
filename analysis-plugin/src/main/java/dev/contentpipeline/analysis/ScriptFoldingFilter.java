package dev.contentpipeline.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.bn.BengaliNormalizer;
import org.apache.lucene.analysis.fa.PersianNormalizer;
import org.apache.lucene.analysis.hi.HindiNormalizer;
import org.apache.lucene.analysis.in.IndicNormalizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.util.StemmerUtil;

/**
 * Lucene's normalisers for the scripts whose readers spell one word several ways, then what they leave out.
 * <ul>
 * <li>Every script's decimal digits as ASCII ({@code ۱۲۳}, {@code १२३} → {@code 123}).</li>
 * <li>Indic scripts: one encoding of each letter (a nukta letter precomposed or not); Devanagari and Bengali also
 * drop the nukta, the chandrabindu and a dead {@code n} before a consonant become the anusvara, and similar spelling
 * variants ({@code हिन्दी} and {@code हिंदी}, {@code য়} typed as one code point or two).</li>
 * <li>Arabic script: the Arabic, Persian and Urdu forms of yeh, kaf and heh as one letter each ({@code ی ى ے ي},
 * {@code ک ك}, {@code ہ ھ ۀ ة ه}), alef with hamza, madda or wasla as alef, and no harakat, tatweel or superscript
 * alef: a Persian or Urdu name typed on an Arabic keyboard, or with vowel marks, still matches.</li>
 * <li>No zero-width joiners or non-joiners (ZWNJ is how Persian writes {@code می‌}; many readers leave it out).</li>
 * </ul>
 * Other scripts pass through unchanged. The normalisers run in the order of Lucene's filters
 * ({@code DecimalDigitFilter}, {@code IndicNormalizationFilter}, {@code HindiNormalizationFilter},
 * {@code BengaliNormalizationFilter}, {@code ArabicNormalizationFilter}, {@code PersianNormalizationFilter}), but only
 * on a token holding a character from U+0600 on: below it no script they know and no digit but ASCII's, so the
 * tokens of Latin, Greek and Cyrillic text (most of what is indexed) are looked at once and left as they are.
 */
final class ScriptFoldingFilter extends TokenFilter {

    private static final char DROP = '\uFFFF';

    /** The first character any of the normalisers, or {@link #fold}, may change. */
    static final char FIRST_FOLDED = '\u0600';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    private final IndicNormalizer indic = new IndicNormalizer();

    private final HindiNormalizer hindi = new HindiNormalizer();

    private final BengaliNormalizer bengali = new BengaliNormalizer();

    private final ArabicNormalizer arabic = new ArabicNormalizer();

    private final PersianNormalizer persian = new PersianNormalizer();

    ScriptFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!this.input.incrementToken()) {
            return false;
        }
        char[] buffer = this.term.buffer();
        int length = this.term.length();
        int first = 0;
        while (first < length && buffer[first] < FIRST_FOLDED) {
            first++;
        }
        if (first == length) {
            return true;
        }
        length = asciiDigits(buffer, length);
        length = this.indic.normalize(buffer, length);
        if (!this.keyword.isKeyword()) {
            length = this.hindi.normalize(buffer, length);
            length = this.bengali.normalize(buffer, length);
        }
        length = this.arabic.normalize(buffer, length);
        length = this.persian.normalize(buffer, length);
        int written = 0;
        for (int i = 0; i < length; i++) {
            char folded = fold(buffer[i]);
            if (folded != DROP) {
                buffer[written++] = folded;
            }
        }
        this.term.setLength(written);
        return true;
    }

    /** Every script's decimal digits as ASCII digits, as Lucene's {@code DecimalDigitFilter} writes them. */
    private static int asciiDigits(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            int c = Character.codePointAt(buffer, i, length);
            if (c > 0x7F && Character.isDigit(c)) {
                buffer[i] = (char) ('0' + Character.getNumericValue(c));
                if (c > 0xFFFF) {
                    length = StemmerUtil.delete(buffer, i + 1, length);
                }
            }
        }
        return length;
    }

    /** The letter Lucene's Arabic and Persian normalisers leave as it is, folded; {@link #DROP} for a mark. */
    static char fold(char c) {
        if ((c >= '\u064B' && c <= '\u065F') || (c >= '\u06D6' && c <= '\u06ED')) {
            return DROP; // harakat, hamza marks, Quranic annotation
        }
        return switch (c) {
            case '\u200B', '\u200C', '\u200D', '\u0640', '\u0670' -> DROP; // zero-widths, tatweel, superscript alef
            case '\u0671', '\u0672', '\u0673' -> '\u0627'; // alef wasla, alef with wavy hamza → alef
            case '\u06BE', '\u06C2', '\u06C3', '\u06D5', '\u06FF' -> '\u0647'; // Urdu and other hehs → heh
            case '\u06CC', '\u06D0', '\u06D1', '\u06D2', '\u06D3', '\u0649' -> '\u064A'; // yehs → yeh
            case '\u06AA', '\u06A9' -> '\u0643'; // swash kaf, keheh → kaf
            case '\u0629' -> '\u0647'; // teh marbuta → heh
            default -> c;
        };
    }
}
