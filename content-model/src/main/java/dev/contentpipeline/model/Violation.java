package dev.contentpipeline.model;

/** One reason a record was refused: the JSON field it concerns and what to change. */
public record Violation(String field, String message) {
}
