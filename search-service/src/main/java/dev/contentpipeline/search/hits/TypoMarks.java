package dev.contentpipeline.search.hits;

import dev.contentpipeline.search.fields.SearchFields;
import dev.contentpipeline.search.userquery.UserQuery;
import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marks, in a hit's title or name, the words the search finds with typos ("quokla" marks "Quokka"). Elasticsearch did
 * this with a fuzzy highlight query on the titles' folded words, which cost it about 6 ms of CPU per search over the
 * benchmark's corpus, half of all its highlighting (README, search round 8; 4.7 to 14.5 ms in round 9's two sittings);
 * the titles are short and already in the hits, so the service compares their words with the typed ones itself, by the
 * rules of the search's typo clauses: words folded to lower case without accents, one edit (a letter added, left out,
 * changed, or two neighbours swapped) from {@link SearchFields#ONE_TYPO_FROM} letters, two from
 * {@link SearchFields#TWO_TYPOS_FROM}.
 * <p>
 * A suggestion's title is marked wholly here ({@link #ofSuggestion}): every word that begins with a typed word, by the
 * rules of the suggestions' {@code bool_prefix} query over the beginnings of words. Elasticsearch's highlighting was
 * about a third of its CPU per suggestion (README, round 31); it still marks Chinese, Japanese and Korean words, which
 * it pairs into bigrams.
 */
public final class TypoMarks {

    /** What joins two letters into one word (Unicode's MidLetter and MidNumLet), and two digits (MidNum). */
    private static final String MID_LETTER = "'\u2019.:\u00b7";
    private static final String MID_NUMBER = ".,;'\u2019";

    private final List<Typed> typed;

    private TypoMarks(List<Typed> typed) {
        this.typed = typed;
    }

    /** No words with typos: titles stay as Elasticsearch marked them. */
    public static TypoMarks none() {
        return new TypoMarks(List.of());
    }

    /** The words of a query that the search looks for with typos, each as the folded words it analyses into. */
    public static TypoMarks of(UserQuery query) {
        List<Typed> typed = new ArrayList<>();
        for (UserQuery.Term term : query.positiveTerms()) {
            if (term instanceof UserQuery.Word && SearchFields.takesTypos(term.text())) {
                words(term.text()).stream()
                        .map(word -> SearchFields.fold(term.text().substring(word[0], word[1])).codePoints().toArray())
                        .map(word -> new Typed(word, allowedEdits(word), false))
                        .filter(word -> word.edits() > 0)
                        .forEach(typed::add);
            }
        }
        return new TypoMarks(List.copyOf(typed));
    }

    /**
     * The words of what was typed for suggestions: each marks the title's words that begin with it, with the typos its
     * length allows, except the last, which is only a beginning (the suggestions' {@code bool_prefix} query looks for
     * every word but the last with typos). Words with Chinese, Japanese or Korean letters are left to Elasticsearch's
     * marks.
     */
    public static TypoMarks ofSuggestion(String typed) {
        List<int[]> words = words(typed);
        List<Typed> beginnings = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = typed.substring(words.get(i)[0], words.get(i)[1]);
            if (SearchFields.hasCjk(word)) {
                continue;
            }
            int[] folded = SearchFields.fold(word).codePoints().toArray();
            boolean last = i == words.size() - 1;
            beginnings.add(new Typed(folded, last ? 0 : allowedEdits(folded), true));
        }
        return new TypoMarks(List.copyOf(beginnings));
    }

    /**
     * The title's HTML with the words that match a typed word with typos marked too.
     *
     * @param html  the title as escaped HTML, with Elasticsearch's marks if it made any
     * @param title the title as stored, which {@code html} must spell; where it does not, {@code html} is kept
     */
    String mark(String html, String title) {
        if (typed.isEmpty() || title == null || title.isEmpty()) {
            return html;
        }
        boolean[] marked = new boolean[title.length()];
        if (!readMarks(html, title, marked)) {
            return html;
        }
        boolean added = false;
        for (int[] word : words(title)) {
            if (!anyMarked(marked, word)
                    && matches(SearchFields.fold(title.substring(word[0], word[1])).codePoints().toArray())) {
                Arrays.fill(marked, word[0], word[1], true);
                added = true;
            }
        }
        return added ? render(title, marked) : html;
    }

    private boolean matches(int[] word) {
        for (Typed candidate : typed) {
            if (candidate.beginning() ? beginsWith(word, candidate) : distanceAtMost(candidate.codePoints(), word,
                    candidate.edits())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a beginning of the word is within the typed word's edits of it, as a fuzzy term matches one of a
     * field's word beginnings ({@code .autocomplete}).
     */
    private static boolean beginsWith(int[] word, Typed typed) {
        int length = typed.codePoints().length;
        for (int end = Math.max(1, length - typed.edits()); end <= Math.min(word.length, length + typed.edits());
                end++) {
            if (distanceAtMost(typed.codePoints(), Arrays.copyOf(word, end), typed.edits())) {
                return true;
            }
        }
        return false;
    }

    /** Elasticsearch's {@code AUTO:5,9} over the analysed word's length. */
    private static int allowedEdits(int[] word) {
        int length = word.length;
        return length >= SearchFields.TWO_TYPOS_FROM ? 2 : length >= SearchFields.ONE_TYPO_FROM ? 1 : 0;
    }

    /**
     * Whether {@code b} is at most {@code max} edits from {@code a}, a swap of neighbours counting as one (the
     * restricted Damerau-Levenshtein distance Lucene's fuzzy queries use), over code points.
     */
    static boolean distanceAtMost(int[] x, int[] y, int max) {
        if (Math.abs(x.length - y.length) > max) {
            return false;
        }
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
                rowMin = Math.min(rowMin, best);
            }
            if (rowMin > max) {
                return false;
            }
        }
        return d[x.length][y.length] <= max;
    }

    /**
     * The words of a text as [start, end) offsets: runs of letters and digits, accents included, joined across an
     * apostrophe, a full stop or a colon between letters ("d'Ivoire", "U.S.") and a full stop or comma between digits
     * ("1,000"), as Elasticsearch's standard tokenizer keeps them (Unicode's word boundaries).
     */
    static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            boolean inWord = Character.isLetterOrDigit(codePoint) || (start >= 0
                    && (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || joins(text, i, codePoint)));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(new int[] {start, i});
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(new int[] {start, text.length()});
        }
        return words;
    }

    /** Whether the punctuation at {@code i} is inside a word: between two letters, or two digits, that it joins. */
    private static boolean joins(String text, int i, int codePoint) {
        int next = i + Character.charCount(codePoint);
        if (i == 0 || next >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(i);
        int after = text.codePointAt(next);
        if (Character.isLetter(before) && Character.isLetter(after)) {
            return MID_LETTER.indexOf(codePoint) >= 0;
        }
        return Character.isDigit(before) && Character.isDigit(after) && MID_NUMBER.indexOf(codePoint) >= 0;
    }

    private static boolean anyMarked(boolean[] marked, int[] word) {
        for (int i = word[0]; i < word[1]; i++) {
            if (marked[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads which characters of the title the HTML marks; false when the HTML, its entities decoded, does not spell
     * the title.
     */
    private static boolean readMarks(String html, String title, boolean[] marked) {
        int at = 0;
        boolean inMark = false;
        for (int i = 0; i < html.length(); ) {
            if (html.startsWith(Highlights.MARK_OPEN, i)) {
                inMark = true;
                i += Highlights.MARK_OPEN.length();
                continue;
            }
            if (html.startsWith(Highlights.MARK_CLOSE, i)) {
                inMark = false;
                i += Highlights.MARK_CLOSE.length();
                continue;
            }
            String text;
            int end = html.indexOf(';', i);
            if (html.charAt(i) == '&' && end > i && end - i <= 10) {
                text = HtmlUtils.htmlUnescape(html.substring(i, end + 1));
                i = end + 1;
            } else {
                text = String.valueOf(html.charAt(i));
                i++;
            }
            if (!title.startsWith(text, at)) {
                return false;
            }
            for (int k = 0; k < text.length(); k++) {
                marked[at++] = inMark;
            }
        }
        return at == title.length();
    }

    private static String render(String title, boolean[] marked) {
        StringBuilder html = new StringBuilder(title.length() + 32);
        int start = 0;
        for (int i = 1; i <= title.length(); i++) {
            if (i == title.length() || marked[i] != marked[start]) {
                String escaped = HtmlUtils.htmlEscape(title.substring(start, i), "UTF-8");
                html.append(marked[start] ? Highlights.MARK_OPEN + escaped + Highlights.MARK_CLOSE : escaped);
                start = i;
            }
        }
        return html.toString();
    }

    /**
     * A typed word as the folded code points it analyses into, with the edits its length allows; a beginning marks the
     * words that begin with it, otherwise it marks whole words.
     */
    private record Typed(int[] codePoints, int edits, boolean beginning) {
    }
}
