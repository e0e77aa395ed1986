package dev.contentpipeline.search.answers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@code Accept} headers get the JSON answer: those admitting {@code application/json} itself or through a
 * wildcard, without {@code q=0}. Spring MVC's converter also answered {@code application/problem+json} alone.
 */
class JsonAnswerTests {

    @ParameterizedTest(name = "{0}")
    @NullSource
    @ValueSource(strings = {"", "*/*", "application/json", "application/*", "APPLICATION/JSON",
            "text/html, application/json;q=0.5", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/json; charset=utf-8", "application/*+json"})
    void answersJsonTo(String accept) {
        assertThat(JsonAnswer.acceptsJson(accept)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/html", "text/plain, image/png", "application/json;q=0", "application/xml",
            "application/problem+json", "not a media type", "text/html;q=bad"})
    void refuses(String accept) {
        assertThat(JsonAnswer.acceptsJson(accept)).isFalse();
    }
}
