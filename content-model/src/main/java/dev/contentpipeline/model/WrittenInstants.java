package dev.contentpipeline.model;

import java.time.Instant;

/**
 * Reads an instant in the one form {@link Instant#toString()} prints it in (for the years 0000 to 9999):
 * {@code yyyy-MM-ddTHH:mm:ssZ}, with 3, 6 or 9 digits of fraction when there is one (as few groups of three as the
 * nanoseconds need, never a fraction of zeros). Every record the pipeline writes holds its instants in that form, and
 * {@link Instant#parse} with a comparison of {@code toString()} cost about as much as the rest of reading an article
 * in the records' own form. Any other text is not read here (null), and the caller reads it the general way.
 */
final class WrittenInstants {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

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
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
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
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
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

    private static int daysIn(int year, int month) {
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days from 1970-01-01 to the date, in the proleptic Gregorian calendar (as {@code LocalDate.toEpochDay}). */
    private static long epochDay(int year, int month, int day) {
        // Counted from 1 March of year 0, so that the leap day is the last of its year.
        long y = month <= 2 ? year - 1L : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int shiftedMonth = month <= 2 ? month + 9 : month - 3;
        long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
