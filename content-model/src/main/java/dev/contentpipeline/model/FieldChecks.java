package dev.contentpipeline.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    static List<String> cleanAll(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(FieldChecks::clean).filter(Objects::nonNull).distinct().toList();
    }

    static List<String> upperAll(List<String> values) {
        return cleanAll(values).stream().map(v -> v.toUpperCase(Locale.ROOT)).distinct().toList();
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
            text(field + "[" + i + "]", values.get(i), true, maxLength);
        }
    }

    void countryCodes(String field, List<String> codes) {
        for (int i = 0; i < codes.size(); i++) {
            countryCode(field + "[" + i + "]", codes.get(i));
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
        if (!LANGUAGE_TAG.matcher(tag).matches() || "und".equals(Locale.forLanguageTag(tag).toLanguageTag())) {
            add(field, "must be a BCP 47 language tag such as en, zh or pt-BR, was '" + tag + "'");
        }
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
