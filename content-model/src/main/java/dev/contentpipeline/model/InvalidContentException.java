package dev.contentpipeline.model;

import java.util.List;
import java.util.stream.Collectors;

/** A record that cannot be accepted, with every reason at once so a publisher fixes them in one go. */
public final class InvalidContentException extends IllegalArgumentException {

    private final List<Violation> violations;

    public InvalidContentException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public static InvalidContentException of(String field, String message) {
        return new InvalidContentException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
