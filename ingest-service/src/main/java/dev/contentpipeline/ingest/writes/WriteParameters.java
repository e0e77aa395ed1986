package dev.contentpipeline.ingest.writes;

import dev.contentpipeline.ingest.IngestProperties;
import dev.contentpipeline.model.InvalidContentException;
import dev.contentpipeline.model.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single write asks beyond its record: the version it carries when the body names none (If-Match, or
 * ?version= on a delete), and how long to wait until that version is searchable (null: don't wait).
 */
record WriteParameters(Long version, Duration searchableWithin) {

    private static final Pattern ENTITY_TAG = Pattern.compile("\"(\\d{1,18})\"|(\\d{1,18})");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,6})(ms|s)");

    static WriteParameters of(String ifMatch, String versionParam, String wait, String timeout,
                              IngestProperties.Searchable searchable) {
        List<Violation> violations = new ArrayList<>();
        Long fromIfMatch = ifMatch == null ? null : positive("If-Match", ifMatch.strip(), violations);
        Long fromParam = versionParam == null ? null : positive("version", versionParam.strip(), violations);
        if (fromIfMatch != null && fromParam != null && !fromIfMatch.equals(fromParam)) {
            violations.add(new Violation("If-Match", "names version " + fromIfMatch + ", ?version= names "
                    + fromParam + "; send one"));
        }
        Duration within = null;
        if (wait != null && !"searchable".equals(wait)) {
            violations.add(new Violation("wait", "may only be 'searchable', was '" + wait + "'"));
        } else if (wait != null) {
            within = timeout == null ? searchable.defaultTimeout() : timeout(timeout, searchable, violations);
        } else if (timeout != null) {
            violations.add(new Violation("timeout", "only applies with wait=searchable"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidContentException(violations);
        }
        return new WriteParameters(fromIfMatch != null ? fromIfMatch : fromParam, within);
    }

    /** The version to write: the body's, else this request's; both only when they agree. */
    Long versionWith(Long fromBody) {
        if (fromBody != null && version != null && !fromBody.equals(version)) {
            throw InvalidContentException.of("version", "the body names version " + fromBody
                    + ", If-Match names " + version + "; send one, or the same in both");
        }
        return fromBody != null ? fromBody : version;
    }

    private static Long positive(String field, String value, List<Violation> violations) {
        Matcher matcher = ENTITY_TAG.matcher(value);
        if (matcher.matches()) {
            long version = Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            if (version > 0) {
                return version;
            }
        }
        violations.add(new Violation(field, "must be a positive version number such as \"42\" (a strong entity"
                + " tag or a bare number), was '" + value + "'"));
        return null;
    }

    private static Duration timeout(String value, IngestProperties.Searchable searchable,
                                    List<Violation> violations) {
        Matcher matcher = TIMEOUT.matcher(value.strip());
        Duration duration = null;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = "ms".equals(matcher.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        }
        if (duration == null || duration.isZero() || duration.compareTo(searchable.maxTimeout()) > 0) {
            violations.add(new Violation("timeout", "must be a duration such as 5s or 500ms, at most "
                    + searchable.maxTimeout().toSeconds() + "s, was '" + value + "'"));
        }
        return duration;
    }
}
