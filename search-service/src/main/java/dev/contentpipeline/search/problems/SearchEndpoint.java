package dev.contentpipeline.search.problems;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose problems {@link SearchProblems} answers: one that reads its parameters with
 * {@link ParameterReader} and searches through the gate. The stored records' controller is not one: an
 * Elasticsearch failure there stays Spring's own answer.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SearchEndpoint {
}
