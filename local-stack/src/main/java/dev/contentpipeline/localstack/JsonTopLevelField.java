package dev.contentpipeline.localstack;

import java.util.Optional;

/**
 * Reads one top-level field of a JSON object, a string or a number, as text: all the launcher needs to know of
 * a document to PUT it, without a JSON library. Fields of nested objects are skipped.
 */
final class JsonTopLevelField {

    private JsonTopLevelField() {
    }

    static Optional<String> read(String json, String field) {
        int depth = 0;
        char previous = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                if (depth == 1 && (previous == '{' || previous == ',')) {
                    int colon = skipWhitespace(json, end + 1);
                    if (unescape(json.substring(i + 1, end)).equals(field)) {
                        return value(json, skipWhitespace(json, colon + 1));
                    }
                    i = colon;
                    previous = ':';
                }
                else {
                    i = end;
                    previous = '"';
                }
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            }
            else if (c == '}' || c == ']') {
                depth--;
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> value(String json, int start) {
        if (start >= json.length()) {
            return Optional.empty();
        }
        if (json.charAt(start) == '"') {
            return Optional.of(unescape(json.substring(start + 1, endOfString(json, start))));
        }
        int end = start;
        while (end < json.length() && "-+.eE0123456789".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return (end > start) ? Optional.of(json.substring(start, end)) : Optional.empty();
    }

    /** The index of the quote that closes the string opened at {@code quote}. */
    private static int endOfString(String json, int quote) {
        for (int i = quote + 1; i < json.length(); i++) {
            if (json.charAt(i) == '\\') {
                i++;
            }
            else if (json.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("Unterminated string in " + json);
    }

    private static int skipWhitespace(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String unescape(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                result.append(c);
                continue;
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case 'b' -> result.append('\b');
                case 'f' -> result.append('\f');
                case 'n' -> result.append('\n');
                case 'r' -> result.append('\r');
                case 't' -> result.append('\t');
                case 'u' -> {
                    result.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> result.append(escaped);
            }
        }
        return result.toString();
    }
}
