package dev.contentpipeline.search.problems;

import dev.contentpipeline.model.Violation;

import java.util.ArrayList;
import java.util.List;

/** A search request with parameters to fix, all of them listed. */
public final class BadSearchRequestException extends RuntimeException {

    private final List<Violation> violations;

    private BadSearchRequestException(List<Violation> violations) {
        super("bad search request");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    static final class Builder {

        private final List<Violation> violations = new ArrayList<>();

        void add(String field, String message) {
            violations.add(new Violation(field, message));
        }

        BadSearchRequestException build(String field, String message) {
            add(field, message);
            return new BadSearchRequestException(violations);
        }

        void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new BadSearchRequestException(violations);
            }
        }
    }
}
