package dev.contentpipeline.analysis;

import java.io.StringReader;
import org.apache.lucene.analysis.Tokenizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The filters on Lucene alone; {@code ContentAnalysisIntegrationTests} in local-stack runs them in Elasticsearch. */
class ContentFiltersTests {

    @Test
    void englishStemRemovesPossessivesAndStems() {
        assertThat(Tokens.of("Åland's cultures of the islands’ fleets", new EnglishStemFilterFactory()::create))
            .containsExactly("åland", "culture", "of", "the", "island", "fleet");
    }

    @Test
    void foldingMakesAccentsAndCurlyApostrophesPlain() {
        assertThat(Tokens.of("Côte d’Ivoire ÅLAND Réunion São Tomé", new FoldingFilterFactory()::create))
            .containsExactly("cote", "d'ivoire", "aland", "reunion", "sao", "tome");
    }

    @Test
    void wholeValueThenFoldingEvensOutTheSpacesOfAName() {
        Tokenizer whole = new WholeValueTokenizerFactory().create();
        whole.setReader(new StringReader(" White\u00a0 Russia\t"));

        assertThat(Tokens.collect(new FoldingFilterFactory().create(whole))).containsExactly("White Russia");
    }

    @Test
    void cjkBigramPairsIdeographsAndLeavesOtherScriptsAlone() {
        CjkBigramFilterFactory bigrams = new CjkBigramFilterFactory(cjk(false));

        assertThat(Tokens.of("白俄罗斯 Belarus", bigrams::create)).containsExactly("白俄", "俄罗", "罗斯", "belarus");
        assertThat(Tokens.of("ベラルーシ", bigrams::create)).containsExactly("ベラ", "ラル", "ルー", "ーシ");
        assertThat(Tokens.of("벨라루스", bigrams::create)).containsExactly("벨라", "라루", "루스");
        assertThat(Tokens.of("ＡＢＣ", bigrams::create)).containsExactly("abc");
    }

    @Test
    void cjkOnlyKeepsThePairsAndSinglesAndDropsEveryOtherScript() {
        CjkBigramFilterFactory bigrams = new CjkBigramFilterFactory(cjk(true));

        assertThat(Tokens.of("白俄罗斯 Belarus 2024 Минск", bigrams::create)).containsExactly("白俄", "俄罗", "罗斯");
        assertThat(Tokens.of("Hot pot in 鹤 Hegang, ベラルーシ and 벨라루스", bigrams::create))
            .containsExactly("鹤", "ベラ", "ラル", "ルー", "ーシ", "벨라", "라루", "루스");
        assertThat(Tokens.of("Winter in Hegang: ＡＢＣ, café", bigrams::create)).isEmpty();
    }

    @Test
    void edgeNGramsKeepTheBeginningsOfEachToken() {
        EdgeNGramFilterFactory edges = new EdgeNGramFilterFactory(settings(2, 4, true));

        assertThat(Tokens.of("Eswatini is", edges::create)).containsExactly("es", "esw", "eswa", "eswatini", "is");
        assertThatIllegalArgumentException().isThrownBy(() -> new EdgeNGramFilterFactory(settings(3, 2, true)));
    }

    @Test
    void synonymsExpandFormerNamesAndMultiWordTerms() {
        SynonymFilterFactory synonyms = new SynonymFilterFactory();

        assertThat(Tokens.of("Swaziland", (in) -> synonyms.create(new FoldingFilterFactory().create(in))))
            .containsExactlyInAnyOrder("swaziland", "eswatini");
        assertThat(Tokens.of("Côte d’Ivoire", (in) -> synonyms.create(new FoldingFilterFactory().create(in))))
            .contains("cote", "d'ivoire", "ivory", "coast");
        assertThat(Tokens.of("hotpot", (in) -> synonyms.create(new FoldingFilterFactory().create(in))))
            .contains("hotpot", "hot", "pot", "huoguo");
    }

    private static EdgeNGramFilterFactory.Settings settings(int min, int max, boolean preserve) {
        return new EdgeNGramFilterFactory.Settings() {

            @Override
            public int minGram() {
                return min;
            }

            @Override
            public int maxGram() {
                return max;
            }

            @Override
            public boolean preserveOriginal() {
                return preserve;
            }
        };
    }

    @Test
    void everyRuleOfTheSynonymListReads() {
        assertThat(SynonymList.map().fst).isNotNull();
        assertThat(SynonymList.map().words.size()).isGreaterThan(40);
    }

    private static CjkBigramFilterFactory.Settings cjk(boolean cjkOnly) {
        return new CjkBigramFilterFactory.Settings() {
            @Override
            public boolean outputUnigrams() {
                return false;
            }

            @Override
            public boolean cjkOnly() {
                return cjkOnly;
            }
        };
    }
}
