package dev.contentpipeline.search.fulltext;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A body cut at its placeholders: {@code segments[i]}, then the text of placeholder {@code slots[i]}, and so on,
 * the last segment after the last slot.
 *
 * @param length the characters of all segments together
 */
record BodyTemplate(String[] segments, int[] slots, int length) {

    /** Null where the body holds a placeholder's mark other than in a whole placeholder. */
    static BodyTemplate of(String body, List<String> placeholders) {
        List<String> segments = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        int start = 0;
        for (int at = body.indexOf(PlaceheldQuery.MARK); at >= 0; at = body.indexOf(PlaceheldQuery.MARK, start)) {
            int slot = at + 1 < body.length() ? body.charAt(at + 1) - PlaceheldQuery.FIRST_INDEX : -1;
            if (slot < 0 || slot >= placeholders.size() || !body.startsWith(placeholders.get(slot), at)) {
                return null;
            }
            segments.add(body.substring(start, at));
            slots.add(slot);
            start = at + placeholders.get(slot).length();
        }
        segments.add(body.substring(start));
        int length = segments.stream().mapToInt(String::length).sum();
        return new BodyTemplate(segments.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray(),
                length);
    }

    byte[] fill(List<String> texts) {
        char[][] escaped = new char[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            escaped[i] = JsonStringEncoder.getInstance().quoteAsString(texts.get(i));
        }
        StringBuilder body = new StringBuilder(length + 64 * slots.length);
        for (int i = 0; i < slots.length; i++) {
            body.append(segments[i]).append(escaped[slots[i]]);
        }
        body.append(segments[segments.length - 1]);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
