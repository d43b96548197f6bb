package gov.keyproject.promotion.deals;

import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.promotion.deal.DealRuleViolation;
import gov.keyproject.promotion.deal.IllegalStageMove;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The deal domain's exceptions as problem details: 400 naming the field, 409 naming the current and allowed stages. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DealProblems {

    @ExceptionHandler(DealRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(DealRuleViolation e) {
        return respond(ApiProblem.badRequest(e.field(), e.getMessage()));
    }

    @ExceptionHandler(IllegalStageMove.class)
    ResponseEntity<ProblemDetail> stage(IllegalStageMove e) {
        return respond(new ApiProblem(HttpStatus.CONFLICT, "阶段变更不允许", e.getMessage(),
                List.of(new ApiProblem.FieldError("stage", e.getMessage())))
                .with("currentStage", e.current()).with("allowedStages", e.allowed()));
    }

    private static ResponseEntity<ProblemDetail> respond(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail());
    }
}
