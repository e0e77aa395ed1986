package dev.contentpipeline.index.deadletters;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists dead-lettered records with their reasons, and re-drives chosen ones after a fix (of the mapping, say):
 * {@code POST /api/dead-letters/redrive} with {@code {"records":[{"topic":..,"partition":..,"offset":..}]}}.
 */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

    record Position(String topic, int partition, long offset) {
    }

    record RedriveRequest(List<Position> records) {
    }

    record RedriveOutcome(Position record, boolean redriven, Long newOffset, String error) {
    }

    private final DeadLetterStore store;

    DeadLetterController(DeadLetterStore store) {
        this.store = store;
    }

    @GetMapping
    List<DeadLetter> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
        return store.list(limit);
    }

    @PostMapping("/redrive")
    List<RedriveOutcome> redrive(@RequestBody RedriveRequest request) {
        if (request == null || request.records() == null || request.records().isEmpty()) {
            throw new IllegalArgumentException("name the records to re-drive: {\"records\":[{\"topic\":\"..\","
                    + "\"partition\":0,\"offset\":0}]}; the topics are " + store.topics());
        }
        List<RedriveOutcome> outcomes = new ArrayList<>();
        for (Position position : request.records()) {
            try {
                long offset = store.redrive(position.topic(), position.partition(), position.offset());
                outcomes.add(new RedriveOutcome(position, true, offset, null));
            } catch (Exception e) {
                outcomes.add(new RedriveOutcome(position, false, null, e.getMessage()));
            }
        }
        return outcomes;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
