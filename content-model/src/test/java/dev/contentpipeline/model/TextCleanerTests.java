package dev.contentpipeline.model;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTests {

    @Test
    void singleLineTextLosesStrayWhitespaceAndControlsButNotContent() {
        assertThat(FieldChecks.clean("\u00A0 Caf\u0065\u0301\u2007du\tport\u202F\r\n")).isEqualTo("Café du port");
        assertThat(FieldChecks.clean("Two\n\nlines")).isEqualTo("Two lines");
        assertThat(FieldChecks.clean("Bell\u0007 and\u0000 nul\u009B")).isEqualTo("Bell and nul");
        assertThat(FieldChecks.clean("\uFEFFTitle")).isEqualTo("Title");
        assertThat(FieldChecks.clean(" \u00A0\u3000 ")).isNull();
    }

    @Test
    void joinersDirectionMarksAndSurrogatePairsStay() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(FieldChecks.clean(family)).isEqualTo(family);
        assertThat(FieldChecks.clean("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        assertThat(FieldChecks.clean("\u200Fשלום")).isEqualTo("\u200Fשלום");
        assertThat(FieldChecks.clean("soft\u00ADhyphen")).isEqualTo("soft\u00ADhyphen");
        assertThat(FieldChecks.clean("lone \uD800 half")).isEqualTo("lone \uFFFD half");
    }

    @Test
    void textBelowTheFirstCombiningMarkIsInNfcAsItIs() {
        // isClean asks the normaliser only about text reaching U+0300: check that nothing below it changes in NFC,
        // alone or after any other such character.
        StringBuilder pair = new StringBuilder("xx");
        for (char first = 0; first < 0x300; first++) {
            pair.setCharAt(0, first);
            for (char second = 0; second < 0x300; second++) {
                pair.setCharAt(1, second);
                assertThat(java.text.Normalizer.isNormalized(pair, java.text.Normalizer.Form.NFC)).isTrue();
            }
        }
        assertThat(FieldChecks.clean("Cafe\u0301")).isEqualTo("Caf\u00E9");
        assertThat(FieldChecks.clean("Caf\u00E9 \u00C5")).isEqualTo("Caf\u00E9 \u00C5");
    }

    @Test
    void multiLineTextKeepsParagraphsAsLineFeeds() {
        assertThat(FieldChecks.cleanText("  First line.\u00A0\r\nSecond\u2028third.\r\r\r\n\n  Next paragraph.  \n"))
                .isEqualTo("First line.\nSecond\nthird.\n\nNext paragraph.");
        assertThat(FieldChecks.cleanText("a\n \t \n\u00A0\nb")).isEqualTo("a\n\nb");
    }

    @Test
    void cleaningRunsBeforeNormalisationSoDroppedCharactersCannotSplitACharacter() {
        assertThat(FieldChecks.clean("e\uFEFF\u0301")).isEqualTo("é").hasSize(1);
    }

    @Test
    void recordsCleanTheirTextBeforeCheckingLengths() {
        Article article = new Article("a-1", "A\u00A0\u00A0title\n", "Sum\u0000mary", "Body\r\n\r\n\r\nend",
                null, List.of(" cn\u00A0"), List.of("tag\u200B", " tag\u200B "), null, Instant.EPOCH, null, null);
        assertThat(article.title()).isEqualTo("A title");
        assertThat(article.summary()).isEqualTo("Summary");
        assertThat(article.body()).isEqualTo("Body\n\nend");
        assertThat(article.countries()).containsExactly("CN");
        assertThat(article.tags()).containsExactly("tag\u200B");

        Country country = new Country(" BY\u00A0", "Belarus\u00A0", "Republic of\tBelarus", null,
                Map.of(" zh ", "白俄罗斯\u3000"), "Europe", null, CountryStatus.CURRENT, null, null, null);
        assertThat(country.code()).isEqualTo("BY");
        assertThat(country.officialName()).isEqualTo("Republic of Belarus");
        assertThat(country.names()).containsEntry("zh", "白俄罗斯");
    }

    @Test
    void theCleanTextShortcutGivesWhatTheFullCleaningGives() {
        String[] pieces = {"a", "Z", " ", "  ", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\t", "\u00A0", "\u3000", "\u2028",
            "\u0085", "\u0000", "\u007F", "\u009B", "\uFEFF", "\u200D", "\u200F", "\u00AD", "e\u0301", "\u00E9", "\u1100\u1161",
            "\uD83D\uDC68", "\uD800", "\uDC00", "白俄罗斯", "ﬁ", "Å", "A\u030A"};
        java.util.Random random = new java.util.Random(7);
        for (int run = 0; run < 200_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            for (boolean multiLine : new boolean[] {false, true}) {
                String value = text.toString();
                String full = TextCleaner.cleanCopy(value, multiLine);
                assertThat(TextCleaner.clean(value, multiLine)).as("%s (multi-line %s)", escaped(value), multiLine)
                        .isEqualTo(full);
                assertThat(TextCleaner.isClean(value, multiLine)).as("%s (multi-line %s)", escaped(value), multiLine)
                        .isEqualTo(value.equals(full));
            }
        }
    }

    @Test
    void asciiTextOfAnyLengthIsCheckedAsTheFullCleaningWouldCleanIt() {
        // Four characters at a time, then one at a time: every length, every class at every place.
        char[] pieces = {'a', 'Z', '.', ' ', ' ', '\n', '\n', '\t', '\r', '\u0000', '\u007F', '~'};
        java.util.Random random = new java.util.Random(11);
        for (int run = 0; run < 300_000; run++) {
            char[] text = new char[random.nextInt(24)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : 'x';
            }
            String value = new String(text);
            for (boolean multiLine : new boolean[] {false, true}) {
                boolean clean = value.equals(TextCleaner.cleanCopy(value, multiLine));
                assertThat(TextCleaner.isClean(value, multiLine)).as("%s (multi-line %s)", escaped(value), multiLine)
                        .isEqualTo(clean);
                assertThat(TextCleaner.isCleanText(value, multiLine)).as("%s (multi-line %s)", escaped(value),
                        multiLine).isEqualTo(clean);
                assertThat(TextCleaner.isClean(value + "\u00E9", multiLine)).isEqualTo(
                        (value + "\u00E9").equals(TextCleaner.cleanCopy(value + "\u00E9", multiLine)));
            }
        }
    }

    @Test
    void aJsonStringsTextIsCheckedOnItsBytesAsOnTheTextItself() {
        // Written by a JSON writer, and with the escapes other writers choose; followed by more JSON, or cut short.
        String[] pieces = {"a", "Z", ".", "/", " ", " ", "\n", "\n", "\"", "\\", "\t", "\r", "\u0000", "\u007F", "\u00E9",
            "\u4E2D", "\uD83D\uDE00"};
        java.util.Random random = new java.util.Random(13);
        JsonMapper json = JsonMapper.shared();
        int checkedOnBytes = 0;
        for (int run = 0; run < 300_000; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(24); i >= 0; i--) {
                text.append(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : "x");
            }
            String value = text.toString();
            String written = json.writeValueAsString(value);
            String other = switch (random.nextInt(4)) {
                case 0 -> written.replace("/", "\\/");
                case 1 -> written.replace("x", "\\u0078");
                case 2 -> written.substring(0, random.nextInt(written.length()));
                default -> written;
            };
            // Below U+007F, and no control character but line breaks: the only text checked on its bytes.
            boolean asciiAsWritten = value.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F));
            for (boolean multiLine : new boolean[] {false, true}) {
                boolean taken = TextCleaner.isClean(value, multiLine) && asciiAsWritten;
                int max = random.nextBoolean() ? value.length() : value.length() - 1;
                byte[] bytes = (written + ",\"more\":\"  \"}").getBytes(StandardCharsets.UTF_8);
                int close = TextCleaner.cleanJsonStringEnd(bytes, 0, bytes.length, multiLine, max);
                assertThat(close).as("%s (multi-line %s, at most %s)", written, multiLine, max)
                        .isEqualTo(taken && max == value.length() ? written.length() - 1 : -1);
                checkedOnBytes += close >= 0 ? 1 : 0;
                // An escaped slash is taken, a Unicode escape left to the text, a string cut short never taken.
                byte[] otherBytes = ("[" + other).getBytes(StandardCharsets.UTF_8);
                assertThat(TextCleaner.cleanJsonStringEnd(otherBytes, 1, otherBytes.length, multiLine, value.length()))
                        .as("%s (multi-line %s)", other, multiLine)
                        .isEqualTo(!taken || other.contains("\\u0078") || other.length() < written.length() ? -1
                                : other.length());
            }
        }
        assertThat(checkedOnBytes).isGreaterThan(10_000);
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(c < 0x7F && c >= 0x20 ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return out.toString();
    }
}
