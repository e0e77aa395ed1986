package dev.contentpipeline.search.hits;

import dev.contentpipeline.model.ContentType;
import dev.contentpipeline.search.door.SearchAnswer;
import dev.contentpipeline.search.fields.SearchFields;
import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Map;

/** Turns Elasticsearch hits into the API's hits, with the snippet from the passage that matched best. */
public final class HitReader {

    private HitReader() {
    }

    /**
     * @param typos the words the service marks in the title itself: the query's words found with typos, or what was
     *        typed for suggestions (see {@link TypoMarks})
     */
    public static Hit read(SearchAnswer.StoredHit hit, TypoMarks typos) {
        Map<String, Object> source = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        boolean country = ContentType.COUNTRY.wireName().equals(source.get(SearchFields.TYPE));
        String titleField = country ? SearchFields.NAME : SearchFields.TITLE;
        String title = text(source, titleField);
        String markedTitle = mostMarked(highlight, titleField + ".");
        String titleHtml = typos.mark(markedTitle != null ? markedTitle
                : HtmlUtils.htmlEscape(title == null ? "" : title, "UTF-8"), title);
        String id = hit.id();
        return new Hit(
                country ? ContentType.COUNTRY.wireName() : ContentType.ARTICLE.wireName(), id, title, titleHtml,
                snippet(highlight, source), hit.score() == null ? 0 : hit.score(),
                (country ? "/api/countries/" : "/api/articles/") + id,
                text(source, SearchFields.PUBLISHED_AT), text(source, SearchFields.LANGUAGE),
                country ? List.of(id) : strings(source.get(SearchFields.ARTICLE_COUNTRIES)),
                strings(source.get(SearchFields.TAGS)), text(source, SearchFields.REGION));
    }

    /**
     * The passage with the most matched words, fields earlier in {@link SearchFields#SNIPPET} winning ties; else
     * the beginning of the summary or body; else, for a country without summary, its official name.
     */
    static String snippet(Map<String, List<String>> highlight, Map<String, ?> source) {
        String best = mostMarked(highlight, SearchFields.SNIPPET);
        if (best != null) {
            return best;
        }
        for (String field : SearchFields.SNIPPET_WITHOUT_MATCH) {
            List<String> start = highlight.get(field);
            if (start != null && !start.isEmpty()) {
                return start.get(0) + (start.get(0).length() >= Highlights.SNIPPET_LENGTH - 20 ? " …" : "");
            }
        }
        String officialName = text(source, "officialName");
        return officialName == null ? "" : HtmlUtils.htmlEscape(officialName, "UTF-8");
    }

    /** The highlight with most marks among the sub-fields of one field (the title's, say), or null. */
    static String mostMarked(Map<String, List<String>> highlight, String prefix) {
        return mostMarked(highlight, SearchFields.TITLE_HIGHLIGHTS.stream().filter(f -> f.startsWith(prefix)).toList());
    }

    /** The highlight with most marks among the fields the patterns name, earlier patterns winning ties; or null. */
    private static String mostMarked(Map<String, List<String>> highlight, List<String> patterns) {
        String best = null;
        int bestMarks = 0;
        for (String pattern : patterns) {
            for (Map.Entry<String, List<String>> entry : highlight.entrySet()) {
                if (!matches(pattern, entry.getKey()) || entry.getValue().isEmpty()) {
                    continue;
                }
                int marks = count(entry.getValue().get(0));
                if (marks > bestMarks) {
                    best = entry.getValue().get(0);
                    bestMarks = marks;
                }
            }
        }
        return best;
    }

    private static boolean matches(String pattern, String field) {
        if (!pattern.contains("*")) {
            return pattern.equals(field);
        }
        int star = pattern.indexOf('*');
        return field.startsWith(pattern.substring(0, star)) && field.endsWith(pattern.substring(star + 1));
    }

    private static int count(String fragment) {
        int count = 0;
        for (int i = fragment.indexOf(Highlights.MARK_OPEN); i >= 0;
                i = fragment.indexOf(Highlights.MARK_OPEN, i + 1)) {
            count++;
        }
        return count;
    }

    private static String text(Map<String, ?> source, String field) {
        Object value = source.get(field);
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
