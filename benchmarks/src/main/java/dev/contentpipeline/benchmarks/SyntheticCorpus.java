package dev.contentpipeline.benchmarks;

import dev.contentpipeline.model.Article;
import dev.contentpipeline.model.ContentJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Articles made up from a seed, the same every time: article {@code i} depends only on the seed and {@code i}, so
 * any phase can make any slice. Words follow Zipf's law over a real vocabulary and a long tail of made-up words;
 * sizes follow a news site's mix, from 1 to 20 KB of JSON.
 */
final class SyntheticCorpus {

    /** Share of articles per size band (KB of JSON): most are short, a few are long reads. */
    static final int[][] SIZE_MIX = {{40, 1, 3}, {35, 3, 6}, {18, 6, 12}, {7, 12, 20}};

    static final List<String> COUNTRIES = List.of("CN", "US", "DE", "FR", "GB", "JP", "IN", "BR", "RU", "ZA", "NG",
            "KE", "EG", "MX", "AR", "CA", "AU", "ID", "TR", "IR", "UA", "PL", "IT", "ES", "SE", "NO", "FI", "KR", "VN",
            "TH", "PK", "BD", "ET", "CO", "PE", "CL", "NL", "BE", "CH", "AT", "GR", "PT", "IE", "NZ", "SG", "MY");

    static final List<String> TAGS = List.of("politics", "economy", "energy", "climate", "food", "travel", "science",
            "health", "technology", "culture", "sport", "education", "transport", "housing", "trade", "farming",
            "history", "music", "film", "books", "cities", "rivers", "mountains", "coast", "winter", "elections",
            "courts", "labour", "industry", "weather");

    static final List<String> AUTHORS = List.of("Sample Desk", "Mira Okafor", "Jonas Lindqvist", "Wei Zhang",
            "Ana Ribeiro", "Tomasz Nowak", "Priya Raman", "Kofi Mensah", "Elena Petrova", "Luis Ortega");

    private static final Instant FIRST_PUBLISHED = Instant.parse("2025-01-01T06:00:00Z");

    private final long seed;
    private final List<String> words;
    private final double[] cumulative;

    SyntheticCorpus(long seed) {
        this.seed = seed;
        this.words = vocabulary(seed);
        this.cumulative = new double[words.size()];
        double sum = 0;
        for (int rank = 0; rank < words.size(); rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < cumulative.length; rank++) {
            cumulative[rank] /= sum;
        }
    }

    /** Article {@code i}, its id {@code <idPrefix><i as 7 digits>}. */
    Article article(String idPrefix, int i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        int targetBytes = targetBytes(random);
        String title = sentenceWords(random, 4 + random.nextInt(6));
        String summary = sentence(random, 12 + random.nextInt(14));
        List<String> countries = pick(random, COUNTRIES, 1 + random.nextInt(3));
        List<String> tags = pick(random, TAGS, 1 + random.nextInt(5));
        String author = AUTHORS.get(random.nextInt(AUTHORS.size()));
        Instant published = FIRST_PUBLISHED.plus(Duration.ofMinutes(7L * i + random.nextInt(7)));
        // Fields other than the body take about 350 bytes of JSON.
        String body = body(random, Math.max(200, targetBytes - 350 - title.length() - summary.length()));
        return new Article(String.format(Locale.ROOT, "%s%07d", idPrefix, i), title, summary, body, "en", countries,
                tags, author, published, null, null);
    }

    /** The JSON a publisher sends for article {@code i}. */
    byte[] json(String idPrefix, int i) {
        return ContentJson.write(article(idPrefix, i));
    }

    /** The JSON of articles 0 to count-1, made on every core. */
    byte[][] jsonOfFirst(String idPrefix, int count) {
        byte[][] json = new byte[count][];
        IntStream.range(0, count).parallel().forEach(i -> json[i] = json(idPrefix, i));
        return json;
    }

    /** The word of a rank (0 the most frequent), for queries that should find many articles or few. */
    String word(int rank) {
        return words.get(rank);
    }

    int vocabularySize() {
        return words.size();
    }

    private static int targetBytes(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (int[] band : SIZE_MIX) {
            if (roll < band[0]) {
                return band[1] * 1024 + random.nextInt((band[2] - band[1]) * 1024);
            }
            roll -= band[0];
        }
        throw new IllegalStateException("the size mix adds up to 100");
    }

    private String body(SplittableRandom random, int bytes) {
        StringBuilder body = new StringBuilder(bytes + 200);
        while (body.length() < bytes) {
            int sentences = 3 + random.nextInt(5);
            for (int s = 0; s < sentences && body.length() < bytes; s++) {
                if (s > 0) {
                    body.append(' ');
                }
                appendSentence(body, random, 8 + random.nextInt(14));
            }
            if (body.length() < bytes) {
                body.append("\n\n");
            }
        }
        return body.toString();
    }

    private String sentence(SplittableRandom random, int count) {
        StringBuilder sentence = new StringBuilder(count * 8);
        appendSentence(sentence, random, count);
        return sentence.toString();
    }

    private String sentenceWords(SplittableRandom random, int count) {
        StringBuilder words = new StringBuilder(count * 8);
        appendWords(words, random, count);
        words.setCharAt(0, Character.toUpperCase(words.charAt(0)));
        return words.toString();
    }

    /** A capitalised sentence with a full stop, appended where the text is built, without copies. */
    private void appendSentence(StringBuilder text, SplittableRandom random, int count) {
        int start = text.length();
        appendWords(text, random, count);
        text.setCharAt(start, Character.toUpperCase(text.charAt(start)));
        text.append('.');
    }

    private void appendWords(StringBuilder text, SplittableRandom random, int count) {
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                text.append(w % 9 == 8 ? ", " : " ");
            }
            text.append(zipfWord(random));
        }
    }

    private String zipfWord(SplittableRandom random) {
        double roll = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < roll) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return words.get(low);
    }

    private static List<String> pick(SplittableRandom random, List<String> from, int count) {
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < count) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return List.copyOf(picked);
    }

    /** The real words by rough frequency, then made-up words from syllables: a long tail as in real text. */
    private static List<String> vocabulary(long seed) {
        Set<String> known = new LinkedHashSet<>(List.of(Vocabulary.WORDS.strip().split("\\s+")));
        List<String> vocabulary = new ArrayList<>(known);
        String[] syllables = {"ka", "lo", "ven", "tri", "mar", "sol", "ber", "ni", "ost", "quel", "dra", "fen", "gor",
                "hal", "is", "jun", "pe", "ru", "sta", "vol", "wen", "zar", "cel", "dun", "mer", "tor", "ul", "ya"};
        SplittableRandom random = new SplittableRandom(seed);
        while (vocabulary.size() < 6_000) {
            StringBuilder word = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                word.append(syllables[random.nextInt(syllables.length)]);
            }
            if (known.add(word.toString())) {
                vocabulary.add(word.toString());
            }
        }
        return List.copyOf(vocabulary);
    }
}
