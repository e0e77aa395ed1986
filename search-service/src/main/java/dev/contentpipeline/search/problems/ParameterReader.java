package dev.contentpipeline.search.problems;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads query parameters by hand, so that every mistake is collected and answered in one 400, never a 500. */
public final class ParameterReader {

    private final MultiValueMap<String, String> parameters;
    private final BadSearchRequestException.Builder errors = new BadSearchRequestException.Builder();

    public ParameterReader(MultiValueMap<String, String> parameters, List<String> known) {
        this.parameters = parameters;
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(known);
        unknown.forEach(name -> error(printable(name), "is not a parameter here; the parameters are "
                + String.join(", ", known)));
    }

    /**
     * A request's query parameters, read from the request itself rather than by Spring MVC's argument resolver for
     * {@code @RequestParam MultiValueMap}, which works out the parameter's generic type on every request.
     */
    public static MultiValueMap<String, String> parameters(HttpServletRequest request) {
        Map<String, String[]> given = request.getParameterMap();
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(given.size());
        given.forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return parameters;
    }

    /** The one value given, stripped; null when absent. Given twice is an error. */
    public String single(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            error(name, "must be given once, was given " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value given, stripped, blanks left out. */
    public List<String> all(String name) {
        List<String> values = parameters.get(name);
        return values == null ? List.of()
                : values.stream().map(v -> v == null ? "" : v.strip()).filter(v -> !v.isEmpty()).toList();
    }

    public boolean has(String name) {
        return !all(name).isEmpty();
    }

    public int integer(String name, int absent, int min, int max) {
        String text = single(name);
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, the same as a number out of range
        }
        error(name, "must be a whole number from " + min + " to " + max + ", was '" + printable(text) + "'");
        return absent;
    }

    public void error(String name, String message) {
        errors.add(name, message);
    }

    public void throwIfAny() {
        errors.throwIfAny();
    }

    /** A value as it may be quoted back: control characters shown as '?', at most 100 characters. */
    public static String printable(String value) {
        String shown = value.codePoints().map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 100 ? shown.substring(0, 100) + "…" : shown;
    }
}
