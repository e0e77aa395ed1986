package dev.contentpipeline.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Collects every violation of one record, then throws them together. */
final class FieldChecks {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    private final List<Violation> violations = new ArrayList<>();

    /**
     * Single-line text (names, titles, tags): every run of whitespace, line breaks and no-break or other Unicode
     * spaces included, becomes one space; control characters and stray byte order marks go; the result is
     * trimmed, folded to NFC, and null when blank. Letters, marks, joiners and direction marks stay.
     */
    static String clean(String value) {
        return TextCleaner.clean(value, false);
    }

    /**
     * Multi-line text (bodies, summaries): as {@link #clean}, but line breaks stay, as LF: spaces at line ends go,
     * and more than one blank line in a row becomes one.
     */
    static String cleanText(String value) {
        return TextCleaner.clean(value, true);
    }

    /**
     * Each value cleaned, blanks dropped, each value once (where it first stood). In a loop: the stream it was took
     * 3 % of ingest-service's samples of a single PUT, for an article's one country (README, round 47).
     */
    static List<String> cleanAll(List<String> values) {
        return distinct(values, false);
    }

    /** As {@link #cleanAll}, then upper-cased, each value once. */
    static List<String> upperAll(List<String> values) {
        return distinct(values, true);
    }

    private static List<String> distinct(List<String> values, boolean upper) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            String cleaned = clean(value);
            if (cleaned != null) {
                kept.add(upper ? cleaned.toUpperCase(Locale.ROOT) : cleaned);
            }
        }
        return List.copyOf(kept);
    }

    static Map<String, String> cleanMap(Map<String, String> values) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                String k = clean(key);
                String v = clean(value);
                if (k != null && v != null) {
                    cleaned.put(k, v);
                }
            });
        }
        return Map.copyOf(cleaned);
    }

    void text(String field, String value, boolean required, int maxLength) {
        if (value == null) {
            if (required) {
                add(field, "is required");
            }
        } else if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters, was " + value.length());
        }
    }

    void matches(String field, String value, Pattern pattern, String expected) {
        if (value == null) {
            add(field, "is required");
        } else if (!pattern.matcher(value).matches()) {
            add(field, "must be " + expected);
        }
    }

    /**
     * Counts what was sent, before duplicates and blanks are dropped: a list of 100,000 copies of one tag is
     * refused, not read as one tag.
     */
    void maxItems(String field, java.util.Collection<?> sent, int maxItems) {
        if (sent != null && sent.size() > maxItems) {
            add(field, "must hold at most " + maxItems + " items, held " + sent.size());
        }
    }

    void listOf(String field, List<String> values, int maxLength) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            // The item's name only for a violation: making it for every item showed in a single PUT's profile.
            if (value == null || value.length() > maxLength) {
                text(field + "[" + i + "]", value, true, maxLength);
            }
        }
    }

    void countryCodes(String field, List<String> codes) {
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            // Every known code has the shape: countryCode says which rule an unknown one breaks.
            if (!CountryCodes.isKnown(code)) {
                countryCode(field + "[" + i + "]", code);
            }
        }
    }

    void countryCode(String field, String code) {
        if (code == null) {
            add(field, "is required");
        } else if (!CountryCodes.hasShape(code)) {
            add(field, "must be an ISO 3166-1 alpha-2 code such as CN or AL, was '" + code + "'");
        } else if (!CountryCodes.isKnown(code)) {
            add(field, "'" + code + "' is not an ISO 3166-1 alpha-2 code");
        }
    }

    void language(String field, String tag) {
        if (isTwoLetterCode(tag)) {
            // Most articles name their language so (en, fr); it passes both checks below, 3 % of ingest-service's
            // samples of a single PUT (README, round 47).
            return;
        }
        if (!LANGUAGE_TAG.matcher(tag).matches() || "und".equals(Locale.forLanguageTag(tag).toLanguageTag())) {
            add(field, "must be a BCP 47 language tag such as en, zh or pt-BR, was '" + tag + "'");
        }
    }

    private static boolean isTwoLetterCode(String tag) {
        return tag.length() == 2 && tag.charAt(0) >= 'a' && tag.charAt(0) <= 'z' && tag.charAt(1) >= 'a'
                && tag.charAt(1) <= 'z';
    }

    void version(Long version) {
        if (version != null && version <= 0) {
            add("version", "must be a positive number");
        }
    }

    void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidContentException(violations);
        }
    }
}
