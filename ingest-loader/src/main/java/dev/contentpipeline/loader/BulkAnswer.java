package dev.contentpipeline.loader;

import dev.contentpipeline.client.Answer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the bulk API said to one chunk: an outcome per line when it answered with its report, otherwise why the
 * request as a whole was refused or not answered.
 *
 * @param lines one outcome per line sent, or null when the request as a whole was refused or not answered
 * @param problem why the request as a whole was refused or not answered
 */
record BulkAnswer(int status, Duration retryAfter, List<LineOutcome> lines, String problem) {

    /** What became of one line of the request: its status, and why, when it was refused. */
    record LineOutcome(int line, int status, String reason) {
    }

    static BulkAnswer read(Answer answer, String ingestUrl) {
        Duration retryAfter = answer.retryAfter().orElse(null);
        if (answer.status() == 0) {
            return new BulkAnswer(0, retryAfter, null, answer.body().replaceFirst("^no answer", "no answer from "
                    + ingestUrl + "/api/bulk"));
        }
        JsonNode json = answer.json();
        if (json.has("items")) {
            return new BulkAnswer(answer.status(), retryAfter, json.get("items").valueStream()
                    .map(item -> new LineOutcome(item.get("line").asInt(), item.get("status").asInt(), reason(item)))
                    .toList(), null);
        }
        String problem = json.isMissingNode() ? answer.body()
                : json.path("title").asString("") + ": " + json.path("detail").asString("");
        return new BulkAnswer(answer.status(), retryAfter, null, answer.status() + " " + problem);
    }

    private static String reason(JsonNode item) {
        if (item.has("errors")) {
            return item.get("errors").valueStream()
                    .map(error -> error.path("field").asString("") + ": " + error.path("message").asString(""))
                    .collect(Collectors.joining("; "));
        }
        return item.path("detail").asString("");
    }
}
