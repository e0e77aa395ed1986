package dev.contentpipeline.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks' shortcuts give what the plain rules give. */
class FieldChecksTests {

    @Test
    void listsAreCleanedAndDeduplicatedAsByTheRule() {
        Random random = new Random(47);
        String[] pool = {"fr", "FR", " fr ", "Fr", "travel", "Travel", " ", "", null, "de", "a\u00a0b", "a b", "ÉTÉ",
                "été"};
        for (int round = 0; round < 20_000; round++) {
            // Mostly short lists, as articles send, and some longer.
            List<String> values = new ArrayList<>();
            int size = random.nextInt(8) == 0 ? 17 + random.nextInt(40) : random.nextInt(6);
            for (int i = 0; i < size; i++) {
                values.add(random.nextInt(4) == 0 ? "t" + random.nextInt(30) : pool[random.nextInt(pool.length)]);
            }
            List<String> cleaned = values.stream().map(FieldChecks::clean).filter(Objects::nonNull).distinct().toList();
            assertThat(FieldChecks.cleanAll(values)).as("%s", values).isEqualTo(cleaned);
            assertThat(FieldChecks.upperAll(values)).as("%s", values)
                    .isEqualTo(cleaned.stream().map(v -> v.toUpperCase(Locale.ROOT)).distinct().toList());
        }
        assertThat(FieldChecks.cleanAll(null)).isEmpty();
        assertThat(FieldChecks.upperAll(Arrays.asList((String) null))).isEmpty();
    }

    @Test
    void twoLetterLanguagesAreValidAsTheFullCheckFindsThem() {
        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                String tag = "" + a + b;
                FieldChecks checks = new FieldChecks();
                checks.language("language", tag);
                assertThat(checks).as(tag).extracting("violations").asList().isEmpty();
                assertThat(java.util.Locale.forLanguageTag(tag).toLanguageTag()).as(tag).isNotEqualTo("und");
            }
        }
        for (String invalid : new String[] {"e", "EN-", "und", "e1", "english-language"}) {
            FieldChecks checks = new FieldChecks();
            checks.language("language", invalid);
            assertThat(checks).as(invalid).extracting("violations").asList().isNotEmpty();
        }
    }

    @Test
    void onlyTheItemsInViolationAreNamed() {
        FieldChecks checks = new FieldChecks();
        checks.countryCodes("countries", Arrays.asList("FR", "XX", null, "fra", "DE"));
        checks.listOf("tags", Arrays.asList("ok", null, "x".repeat(101), "fine"), 100);
        assertThat(checks).extracting("violations").asList().extracting("field")
                .containsExactly("countries[1]", "countries[2]", "countries[3]", "tags[1]", "tags[2]");
    }
}
