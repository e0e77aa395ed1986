package dev.contentpipeline.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An answer of the ingest or search API: its status, headers and body. {@code status} 0 means no answer came
 * (connection refused, timeout), with the reason as the body.
 */
public record Answer(int status, HttpHeaders headers, String body) {

    static Answer none(Throwable reason) {
        return new Answer(0, HttpHeaders.of(Map.of(), (name, value) -> true), "no answer: " + reason);
    }

    public boolean is(int expected) {
        return this.status == expected;
    }

    /** The body as JSON; a body that is not JSON reads as a missing node. */
    public JsonNode json() {
        try {
            return JsonMapper.shared().readTree(this.body);
        }
        catch (JacksonException ex) {
            return JsonMapper.shared().missingNode();
        }
    }

    /** The receipt's version, of a 202 from ingest. */
    public long version() {
        return json().path("version").asLong(-1);
    }

    /** {@code Retry-After} in seconds, when the answer has it in seconds (an HTTP date reads as absent). */
    public Optional<Duration> retryAfter() {
        return this.headers.firstValue("Retry-After")
            .map(String::strip)
            .filter((value) -> value.matches("\\d{1,9}"))
            .map((value) -> Duration.ofSeconds(Long.parseLong(value)));
    }

    @Override
    public String toString() {
        return this.status + " " + (this.body.length() > 500 ? this.body.substring(0, 500) + "..." : this.body);
    }
}
