package dev.contentpipeline.model;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ISO 3166-1 alpha-2 codes a record may use: the assigned ones the JDK knows, plus the exceptionally
 * and transitionally reserved codes that the publisher's list needs for places and former states that
 * have no assigned code (Ascension Island, Tristan da Cunha, Netherlands Antilles, Serbia and Montenegro...).
 */
public final class CountryCodes {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}");

    /** Exceptionally reserved (AC, CP, DG, EA, IC, TA) and transitionally reserved codes of former states. */
    private static final Set<String> RESERVED = Set.of(
            "AC", "CP", "DG", "EA", "IC", "TA",
            "AN", "BU", "CS", "NT", "TP", "YU", "ZR", "DD", "SU");

    private static final Set<String> KNOWN = known();

    private CountryCodes() {
    }

    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }

    static boolean hasShape(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    private static Set<String> known() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.addAll(RESERVED);
        return Set.copyOf(codes);
    }
}
