package dev.contentpipeline.analysis;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code content_script_folding} on spellings readers really type: each pair is one word, and must be one token.
 * Names are CLDR's (as in sample-content's countries.ndjson) with the variant a reader's keyboard makes of them.
 */
class ScriptFoldingTests {

    private final ScriptFoldingFilterFactory scripts = new ScriptFoldingFilterFactory();

    @Test
    void hindiSpellingsOfOneWordMeetInOneToken() {
        // Dead na before a consonant and the anusvara; a nukta letter precomposed, decomposed and left out.
        assertSameTokens("हिन्दुस्तान", "हिंदुस्तान");
        assertSameTokens("ज़ाम्बिया", "\u095Bाम्बिया");
        assertSameTokens("ज़ाम्बिया", "जाम्बिया");
        // Chandrabindu and anusvara.
        assertSameTokens("हँसी", "हंसी");
    }

    @Test
    void bengaliSpellingsOfOneWordMeetInOneToken() {
        // য় as CLDR writes it (য + nukta) and as a single code point.
        assertSameTokens("আলবেনিয়া", "আলবেনি\u09DFা");
        assertSameTokens("বাড়ি", "বা\u09DCি"); // ড় both ways
        assertSameTokens("উৎকল", "উত\u09CD\u200Dকল"); // khanda ta, precomposed and as ta, virama, ZWJ
    }

    @Test
    void persianNamesMatchTheirArabicKeyboardSpellings() {
        assertSameTokens("ایران", "ايران"); // Farsi yeh, Arabic yeh
        assertSameTokens("کویت", "كويت"); // keheh, Arabic kaf
        assertSameTokens("میخواهم", "می\u200Cخواهم"); // with and without the ZWNJ
        assertSameTokens("جمهوری", "جمهورى"); // alef maksura
        assertSameTokens("کرهٔ", "کره"); // ezafe hamza (CLDR's کرهٔ شمالی)
    }

    @Test
    void urduNamesMatchTheirPersianAndArabicSpellings() {
        assertSameTokens("بھارت", "بهارت"); // do-chashmi heh, heh
        assertSameTokens("البانیہ", "البانيه"); // heh goal and Farsi yeh, Arabic letters
        assertSameTokens("ملائیشیا", "ملائيشيا");
        assertSameTokens("سے", "سي"); // yeh barree
    }

    @Test
    void arabicDropsHarakatTatweelAndHamzaForms() {
        assertSameTokens("مِصْر", "مصر");
        assertSameTokens("قطـــر", "قطر");
        assertSameTokens("الإمارات", "الامارات");
        assertSameTokens("آذربيجان", "اذربيجان");
        assertSameTokens("السعودية", "السعوديه"); // teh marbuta
    }

    @Test
    void everyScriptsDigitsBecomeAsciiDigits() {
        assertThat(Tokens.of("۲۰۲۶ ٢٠٢٦ २०२६ ২০২৬ 2026", this.scripts::create))
            .containsExactly("2026", "2026", "2026", "2026", "2026");
    }

    @Test
    void otherScriptsPassThrough() {
        assertThat(Tokens.of("Côte d’Ivoire 白俄罗斯 Россия", this.scripts::create))
            .containsExactly("côte", "d’ivoire", "白", "俄", "罗", "斯", "россия");
    }

    @Test
    void aWholeNameFoldsTheSameWayForTheExactSubField() {
        Tokenizer whole = new WholeValueTokenizerFactory().create();
        whole.setReader(new StringReader("جمهوری اسلامی ایران"));

        assertThat(Tokens.collect(this.scripts.create(whole))).containsExactly("جمهوري اسلامي ايران");
    }

    @Test
    void aPersianNonJoinerReadsAsTheSpaceReadersType() {
        assertThat(wordsAfterZwnjSpace("سان\u200Cمارینو")).containsExactly("سان", "مارينو")
            .isEqualTo(wordsAfterZwnjSpace("سان مارینو"));
        assertThat(wordsAfterZwnjSpace("کیپ\u200Cورد جزیرهٔ\u200Cمن")).containsExactly("كيپ", "ورد", "جزيره", "من");
        // Inside Devanagari and Bengali words it is a rendering hint: the word stays whole, without it.
        assertThat(wordsAfterZwnjSpace("क्\u200Dष র\u200D্যাব")).hasSize(2)
            .isEqualTo(wordsAfterZwnjSpace("क्ष র্যাব"));
    }

    private List<String> wordsAfterZwnjSpace(String text) {
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new ZwnjSpaceCharFilterFactory().create(new StringReader(text)));
        return Tokens.collect(this.scripts.create(tokenizer));
    }

    private void assertSameTokens(String spelling, String variant) {
        assertThat(Tokens.of(variant, this.scripts::create)).as(variant)
            .isEqualTo(Tokens.of(spelling, this.scripts::create))
            .hasSize(1);
    }
}
