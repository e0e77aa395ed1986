package dev.contentpipeline.model;

import java.text.Normalizer;

/**
 * Cleans publishers' text without losing content: what goes is only what no reader sees (control characters,
 * stray byte order marks, runs of spaces); what changes is only its form (NFC, one kind of space, one kind of
 * line break). Zero-width joiners and non-joiners, direction marks, soft hyphens and zero-width spaces stay:
 * scripts and emoji need them.
 */
final class TextCleaner {

    private static final char SPACE = ' ';
    private static final char LINE_BREAK = '\n';
    private static final char FIRST_COMBINING_MARK = '\u0300';

    private TextCleaner() {
    }

    /** @param multiLine keep line breaks (as LF) instead of turning them into spaces; null when blank */
    static String clean(String value, boolean multiLine) {
        if (value == null) {
            return null;
        }
        // Most text arrives clean (and every record index-service reads was cleaned by ingest): one scan, no copy.
        return isClean(value, multiLine) ? value : cleanCopy(value, multiLine);
    }

    /** Whether {@link #cleanCopy} would give the value back unchanged. */
    static boolean isClean(String value, boolean multiLine) {
        int n = value.length();
        if (n == 0) {
            return false;
        }
        char previous = LINE_BREAK;
        char beforePrevious = LINE_BREAK;
        char highest = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            highest = c > highest ? c : highest;
            if (c < 0x80) {
                if (c == SPACE) {
                    if (previous == SPACE || previous == LINE_BREAK) {
                        return false;
                    }
                } else if (c == LINE_BREAK) {
                    if (!multiLine || i == 0 || previous == SPACE
                            || (previous == LINE_BREAK && beforePrevious == LINE_BREAK)) {
                        return false;
                    }
                } else if (c < 0x20 || c == 0x7F) {
                    return false;
                }
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
                c = 'x';
            } else if (isLineBreak(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || isInvisibleJunk(c)) {
                return false;
            }
            beforePrevious = previous;
            previous = c;
        }
        // Below U+0300, the first combining mark, every character is its own NFC form and composes with none before it.
        return previous != SPACE && previous != LINE_BREAK
                && (highest < FIRST_COMBINING_MARK || Normalizer.isNormalized(value, Normalizer.Form.NFC));
    }

    /** The cleaning itself, into a copy. */
    static String cleanCopy(String value, boolean multiLine) {
        StringBuilder out = new StringBuilder(value.length());
        int lineStart = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isLineBreak(c)) {
                if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
                if (multiLine) {
                    trimEnd(out, lineStart);
                    if (!endsWithBlankLine(out)) {
                        out.append(LINE_BREAK);
                    }
                    lineStart = out.length();
                } else {
                    appendSpace(out, lineStart);
                }
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                appendSpace(out, lineStart);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    out.append(c).append(value.charAt(++i));
                } else {
                    out.append('\uFFFD');
                }
            } else if (!isInvisibleJunk(c)) {
                out.append(c);
            }
        }
        String cleaned = Normalizer.normalize(out, Normalizer.Form.NFC).strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Control characters other than whitespace, and U+FEFF, a byte order mark that ended up inside text. */
    private static boolean isInvisibleJunk(char c) {
        return Character.getType(c) == Character.CONTROL || c == '\uFEFF';
    }

    /** One space for a run of them, none at the start of a line: indentation is not content in a record. */
    private static void appendSpace(StringBuilder out, int lineStart) {
        if (out.length() > lineStart && out.charAt(out.length() - 1) != SPACE) {
            out.append(SPACE);
        }
    }

    private static void trimEnd(StringBuilder out, int lineStart) {
        while (out.length() > lineStart && out.charAt(out.length() - 1) == SPACE) {
            out.setLength(out.length() - 1);
        }
    }

    private static boolean endsWithBlankLine(StringBuilder out) {
        int n = out.length();
        return n >= 2 && out.charAt(n - 1) == LINE_BREAK && out.charAt(n - 2) == LINE_BREAK;
    }
}
