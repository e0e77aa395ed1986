package dev.contentpipeline.index.rebuild;

import dev.contentpipeline.apikeys.ApiKeyFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Rebuilding the indices without downtime, for an operator with an admin key (index-service/rebuild calls these):
 * <ul>
 * <li>{@code POST /api/rebuilds}: the next version of both indices, replayed from the topics, then the aliases moved
 * to it; answers 202 at once, 409 while another rebuild or rollback runs;</li>
 * <li>{@code GET /api/rebuilds/current}: the latest one's progress, or how it ended;</li>
 * <li>{@code POST /api/rebuilds/rollback}: back to the version the live one replaced, caught up first; 409 when
 * there is none.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/rebuilds")
class RebuildController {

    private static final URI CURRENT = URI.create("/api/rebuilds/current");

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    ResponseEntity<Progress.Report> rebuild(HttpServletRequest request) {
        return ResponseEntity.accepted().location(CURRENT).body(rebuilds.rebuild(by(request)));
    }

    @GetMapping("/current")
    ResponseEntity<?> current() {
        return rebuilds.current().<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No rebuild or rollback since this index-service started; POST /api/rebuilds starts one"))
                        .build());
    }

    @PostMapping("/rollback")
    ResponseEntity<Progress.Report> rollback(HttpServletRequest request) {
        return ResponseEntity.accepted().location(CURRENT).body(rebuilds.rollback(by(request)));
    }

    @ExceptionHandler(Rebuilds.Busy.class)
    ProblemDetail busy(Rebuilds.Busy e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()
                + "; one at a time: GET /api/rebuilds/current shows its progress");
        problem.setProperty("current", e.current);
        return problem;
    }

    @ExceptionHandler(NothingToRollBack.class)
    ProblemDetail nothingToRollBack(NothingToRollBack e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(RebuildFailure.class)
    ProblemDetail failure(RebuildFailure e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    private static String by(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(ApiKeyFilter.KEY_NAME));
    }
}
