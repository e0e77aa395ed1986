package dev.contentpipeline.audit.topic;

import java.util.Comparator;

/**
 * Ids in the order Elasticsearch sorts a keyword: by Unicode code point, which is the order of their UTF-8 bytes.
 * {@link String#compareTo} compares UTF-16 units and would put an id with a character beyond U+FFFF before one with
 * U+E000..U+FFFF, and the merge-join would then lose step with the index.
 */
public final class IdOrder {

    public static final Comparator<String> CODE_POINTS = IdOrder::compare;

    private IdOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
