package dev.contentpipeline.index.deadletters;

import dev.contentpipeline.apikeys.ApiKeyFilter;
import dev.contentpipeline.index.IndexProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The dead letters, for an operator with an admin key:
 * <ul>
 * <li>{@code GET /api/dead-letters}: every partition of the dead-letter topics with the offsets it holds;</li>
 * <li>{@code GET /api/dead-letters/{topic}/{partition}?from=&size=}: a page of them, each value cut to an excerpt;</li>
 * <li>{@code GET /api/dead-letters/{topic}/{partition}/{offset}}: one, whole, and whether it was re-driven;</li>
 * <li>{@code POST /api/dead-letters/redrive} with {@code {"records":[{"topic":..,"partition":..,"offset":..}]}}:
 * back onto their original topics, each once whatever the number of requests.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

    record Position(String topic, int partition, long offset) {
    }

    record RedriveRequest(List<Position> records) {
    }

    private final DeadLetterStore store;

    private final IndexProperties.DeadLetters limits;

    DeadLetterController(DeadLetterStore store, IndexProperties properties) {
        this.store = store;
        this.limits = properties.deadLetters();
    }

    @GetMapping
    List<DeadLetterStore.Partition> overview() {
        return this.store.overview();
    }

    @GetMapping("/{topic}/{partition}")
    DeadLetterStore.Page page(@PathVariable String topic, @PathVariable int partition,
            @RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > this.limits.maxPageSize()) {
            throw new IllegalArgumentException("size must be between 1 and " + this.limits.maxPageSize() + ", was "
                    + size);
        }
        return this.store.page(topic, partition, from, size);
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetter one(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return this.store.one(topic, partition, offset);
    }

    @PostMapping("/redrive")
    List<DeadLetterStore.RedriveOutcome> redrive(@RequestBody RedriveRequest request, HttpServletRequest http) {
        if (request == null || request.records() == null || request.records().isEmpty()) {
            throw new IllegalArgumentException("name the records to re-drive: {\"records\":[{\"topic\":\"..\","
                    + "\"partition\":0,\"offset\":0}]}; the topics are " + this.store.topics());
        }
        if (request.records().size() > this.limits.maxPageSize()) {
            throw new IllegalArgumentException("at most " + this.limits.maxPageSize()
                    + " records per re-drive request, were " + request.records().size());
        }
        String by = String.valueOf(http.getAttribute(ApiKeyFilter.KEY_NAME));
        return request.records().stream()
            .map((position) -> this.store.redrive(position.topic(), position.partition(), position.offset(), by))
            .toList();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
