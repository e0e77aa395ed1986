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

    // ASCII text, most of what publishers send, is checked four characters at a time by a small automaton. Each
    // character is one of four classes; the state is what the text so far ended with; a table gives the state after
    // any four classes. One table lookup per four characters instead of a few branches per character, which the
    // processor mispredicted at every space.
    private static final int VISIBLE = 0;
    private static final int A_SPACE = 1;
    private static final int A_LINE_BREAK = 2;
    private static final int NOT_ALLOWED = 3;

    private static final int AFTER_VISIBLE = 0;
    private static final int AFTER_SPACE = 1;
    private static final int AFTER_LINE_BREAK = 2;
    private static final int AFTER_TWO_LINE_BREAKS = 3;
    private static final int AT_START = 4;
    private static final int UNCLEAN = 5;
    private static final int STATES = 6;

    private static final byte[] ASCII_CLASSES = asciiClasses();
    // A byte of a JSON string's UTF-8, for a check on the bytes: VISIBLE, A_SPACE, or one to look at on its own
    // (a quote, a backslash, a control character, or a byte of a character above U+007F).
    private static final int ON_ITS_OWN = 4;
    private static final byte[] JSON_BYTE_CLASSES = jsonByteClasses();
    private static final byte[] FOUR_STEPS_MULTI_LINE = fourSteps(true);
    private static final byte[] FOUR_STEPS_SINGLE_LINE = fourSteps(false);

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
        byte[] fourSteps = multiLine ? FOUR_STEPS_MULTI_LINE : FOUR_STEPS_SINGLE_LINE;
        int n = value.length();
        int state = AT_START;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            char a = value.charAt(i);
            char b = value.charAt(i + 1);
            char c = value.charAt(i + 2);
            char d = value.charAt(i + 3);
            if ((a | b | c | d) >= 0x80) {
                return isCleanText(value, multiLine);
            }
            state = fourSteps[state << 8 | ASCII_CLASSES[a] << 6 | ASCII_CLASSES[b] << 4 | ASCII_CLASSES[c] << 2
                    | ASCII_CLASSES[d]];
        }
        for (; i < n; i++) {
            char a = value.charAt(i);
            if (a >= 0x80) {
                return isCleanText(value, multiLine);
            }
            state = step(state, ASCII_CLASSES[a], multiLine);
        }
        // Text below U+0080 is its own NFC form.
        return state == AFTER_VISIBLE;
    }

    /**
     * Where the JSON string opening at {@code quote} closes (its closing quote), when the text it holds is clean
     * ({@link #isClean}) and at most {@code maxLength} characters long, and the string is ASCII with no escapes but
     * {@code \n}, {@code \"}, {@code \\} and {@code \/}, the way JSON writers write clean ASCII text; else -1, and
     * nothing is decided: the caller reads the text and asks {@link #isClean}. Checks the bytes as they stand,
     * without making the text.
     *
     * @param end where the bytes that may hold the string end
     */
    static int cleanJsonStringEnd(byte[] json, int quote, int end, boolean multiLine, int maxLength) {
        byte[] fourSteps = multiLine ? FOUR_STEPS_MULTI_LINE : FOUR_STEPS_SINGLE_LINE;
        int state = AT_START;
        int escapes = 0;
        int i = quote + 1;
        while (true) {
            for (; i + 4 <= end; i += 4) {
                int a = JSON_BYTE_CLASSES[json[i] & 0xFF];
                int b = JSON_BYTE_CLASSES[json[i + 1] & 0xFF];
                int c = JSON_BYTE_CLASSES[json[i + 2] & 0xFF];
                int d = JSON_BYTE_CLASSES[json[i + 3] & 0xFF];
                if ((a | b | c | d) >= ON_ITS_OWN) {
                    break;
                }
                state = fourSteps[state << 8 | a << 6 | b << 4 | c << 2 | d];
            }
            if (i >= end) {
                return -1;
            }
            byte current = json[i];
            if (current == '"') {
                return state == AFTER_VISIBLE && i - quote - 1 - escapes <= maxLength ? i : -1;
            } else if (current == '\\' && i + 1 < end) {
                byte escaped = json[i + 1];
                if (escaped == 'n') {
                    state = step(state, A_LINE_BREAK, multiLine);
                } else if (escaped == '"' || escaped == '\\' || escaped == '/') {
                    state = step(state, VISIBLE, multiLine);
                } else {
                    return -1;
                }
                escapes++;
                i += 2;
            } else if (JSON_BYTE_CLASSES[current & 0xFF] < ON_ITS_OWN) {
                state = step(state, JSON_BYTE_CLASSES[current & 0xFF], multiLine);
                i++;
            } else {
                return -1;
            }
        }
    }

    /** {@link #isClean} for any text, a character at a time. */
    static boolean isCleanText(String value, boolean multiLine) {
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

    private static byte[] asciiClasses() {
        byte[] classes = new byte[0x80];
        for (char c = 0; c < 0x80; c++) {
            classes[c] = (byte) (c == SPACE ? A_SPACE : c == LINE_BREAK ? A_LINE_BREAK
                    : (c < 0x20 || c == 0x7F) ? NOT_ALLOWED : VISIBLE);
        }
        return classes;
    }

    private static byte[] jsonByteClasses() {
        byte[] classes = new byte[0x100];
        for (int b = 0; b < 0x100; b++) {
            classes[b] = (byte) (b == SPACE ? A_SPACE : b < 0x20 || b >= 0x7F || b == '"' || b == '\\' ? ON_ITS_OWN
                    : VISIBLE);
        }
        return classes;
    }

    /** The state after one more character of a class: the rules of {@link #isCleanText} for ASCII. */
    private static int step(int state, int characterClass, boolean multiLine) {
        if (state == UNCLEAN) {
            return UNCLEAN;
        }
        return switch (characterClass) {
            case VISIBLE -> AFTER_VISIBLE;
            // Never two spaces, nor one at the start of the text or of a line.
            case A_SPACE -> state == AFTER_VISIBLE ? AFTER_SPACE : UNCLEAN;
            // Never at the start, after a space, or as the third in a row; only in multi-line text.
            case A_LINE_BREAK -> !multiLine ? UNCLEAN : state == AFTER_VISIBLE ? AFTER_LINE_BREAK
                    : state == AFTER_LINE_BREAK ? AFTER_TWO_LINE_BREAKS : UNCLEAN;
            default -> UNCLEAN;
        };
    }

    /** The state after four characters, at {@code state << 8} and each character's class in two bits, first highest. */
    private static byte[] fourSteps(boolean multiLine) {
        byte[] table = new byte[STATES << 8];
        for (int state = 0; state < STATES; state++) {
            for (int classes = 0; classes < 0x100; classes++) {
                int after = state;
                for (int shift = 6; shift >= 0; shift -= 2) {
                    after = step(after, (classes >> shift) & 3, multiLine);
                }
                table[state << 8 | classes] = (byte) after;
            }
        }
        return table;
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
