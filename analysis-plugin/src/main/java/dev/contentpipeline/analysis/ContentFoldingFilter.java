package dev.contentpipeline.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds each token to plain ASCII where Unicode has a decomposition or a common transliteration ({@code Å} →
 * {@code A}, {@code ß} → {@code ss}), writes every apostrophe-like mark as {@code '}, and turns any run of
 * Unicode spaces into one ordinary space, trimmed. Word tokens hold no spaces; the space rule is for a whole value
 * taken as one token ({@code content_whole_value}).
 */
final class ContentFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    ContentFoldingFilter(TokenStream input) {
        super(new ASCIIFoldingFilter(input, false));
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!this.input.incrementToken()) {
            return false;
        }
        char[] buffer = this.term.buffer();
        int length = this.term.length();
        int written = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            // In ASCII, most of every text, only ' ' and the controls below it can be spaces, only '`' an apostrophe.
            boolean ascii = c < '\u0080';
            if ((c <= ' ' || !ascii) && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                pendingSpace = written > 0;
                continue;
            }
            if (pendingSpace) {
                buffer[written++] = ' ';
                pendingSpace = false;
            }
            buffer[written++] = (c == '`' || !ascii) && isApostrophe(c) ? '\'' : c;
        }
        this.term.setLength(written);
        return true;
    }

    static boolean isApostrophe(char c) {
        return switch (c) {
            // ’ ‘ ‛ ʼ ʻ ′ ＇ ` ´
            case '\u2019', '\u2018', '\u201B', '\u02BC', '\u02BB', '\u2032', '\uFF07', '\u0060', '\u00B4' -> true;
            default -> false;
        };
    }
}
