package dev.contentpipeline.analysis;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.CharFilter;

/**
 * Writes U+200C as a space where the character before it is in the Arabic script. One character for one, so every
 * offset stays where it was and {@link #correct} has nothing to correct.
 */
final class ZwnjSpaceCharFilter extends CharFilter {

    private static final char ZWNJ = '\u200C';

    /** Where the combining marks start: no character below it is a mark or in the Arabic script. */
    static final char FIRST_MARK = '\u0300';

    private boolean afterArabic;

    ZwnjSpaceCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = this.input.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            char c = buffer[i];
            if (c == ZWNJ && this.afterArabic) {
                buffer[i] = ' ';
            }
            if (c < FIRST_MARK) {
                // ASCII, Latin-1, Latin Extended and IPA: no mark, no Arabic, and no lookup for most text.
                this.afterArabic = false;
            }
            // A non-joiner between two marks keeps the letter before them as the context.
            else if (c != ZWNJ && Character.getType(c) != Character.NON_SPACING_MARK) {
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
