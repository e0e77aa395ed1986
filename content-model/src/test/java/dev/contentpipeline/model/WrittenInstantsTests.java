package dev.contentpipeline.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenInstantsTests {

    /** What reading an instant as written meant before: parse it, and keep it if it prints as the same text. */
    private static Instant general(String text) {
        try {
            Instant instant = Instant.parse(text);
            return instant.toString().equals(text) ? instant : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void everyInstantReadsBackFromWhatItPrintsFromYearZeroToYear9999() {
        SplittableRandom random = new SplittableRandom(7);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1, 1000) * 1_000_000;
                case 2 -> random.nextInt(1, 1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos);
            assertThat(WrittenInstants.parse(instant.toString())).as(instant.toString()).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00Z", "2000-02-29T00:00:00.000001Z", "1600-02-29T00:00:00Z",
        "2026-03-01T00:00:00.100Z", "2026-03-02T08:00:00.000000010Z"})
    void edgesOfTheCalendarAndOfTheFraction(String text) {
        assertThat(WrittenInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T24:00:00Z",
        "2026-01-01T00:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.500000Z",
        "2026-01-01T00:00:00.123000000Z", "2026-01-01T00:00:00.5Z", "2026-01-01T00:00Z", "2026-01-01 00:00:00Z",
        "2026-01-01T00:00:00+00:00", "2026-01-01t00:00:00z", "+2026-01-01T00:00:00Z", "-001-01-01T00:00:00Z",
        "２０２６-01-01T00:00:00Z", "2026-1-01T00:00:00Z", "2026-01-01T00:00:00,100Z", ""})
    void anyOtherTextIsLeftToTheGeneralReading(String text) {
        assertThat(WrittenInstants.parse(text)).isNull();
    }

    @Test
    void whatItReadsTheGeneralReadingReadsAlike() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "0123456789-T:.Z+ ";
        for (int i = 0; i < 200_000; i++) {
            char[] text = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000)).toString().toCharArray();
            text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            String mutated = new String(text);
            Instant fast = WrittenInstants.parse(mutated);
            if (fast != null) {
                assertThat(fast).as(mutated).isEqualTo(general(mutated));
            }
        }
    }
}
