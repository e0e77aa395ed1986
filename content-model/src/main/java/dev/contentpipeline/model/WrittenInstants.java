package dev.contentpipeline.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads an instant in the one form {@link Instant#toString()} prints it in (for the years 0000 to 9999):
 * {@code yyyy-MM-ddTHH:mm:ssZ}, with 3, 6 or 9 digits of fraction when there is one (as few groups of three as the
 * nanoseconds need, never a fraction of zeros). Every record the pipeline writes holds its instants in that form, and
 * {@link Instant#parse} with a comparison of {@code toString()} cost about as much as the rest of reading an article
 * in the records' own form. Any other text is not read here (null), and the caller reads it the general way.
 */
final class WrittenInstants {

    private WrittenInstants() {
    }

    /** The instant, when the text is what {@code toString()} prints for it; else null. */
    static Instant parse(String text) {
        int n = text.length();
        if ((n != 20 && n != 24 && n != 27 && n != 30) || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, n - 1);
            int width = n - 21;
            // toString prints the fewest groups of three digits that hold the nanoseconds, and none for zero.
            if (fraction <= 0 || (width > 3 && fraction % 1000 == 0)) {
                return null;
            }
            nanos = width == 3 ? fraction * 1_000_000 : width == 6 ? fraction * 1_000 : fraction;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The number the decimal digits from {@code from} to {@code to} give, or -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
