package gov.keyproject.registry.web;

import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.registry.project.IllegalPhaseMove;
import gov.keyproject.registry.project.ProjectRuleViolation;
import gov.keyproject.registry.project.ReportingWindow;
import gov.keyproject.registry.unit.Unit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The registry's domain exceptions as problem details: 400 naming the field, 409 for phase moves, 403 late filing. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    @ExceptionHandler(ProjectRuleViolation.class)
    ResponseEntity<ProblemDetail> rule(ProjectRuleViolation e) {
        return respond(ApiProblem.badRequest(e.field(), e.getMessage()));
    }

    @ExceptionHandler(Unit.UnitRuleViolation.class)
    ResponseEntity<ProblemDetail> unitRule(Unit.UnitRuleViolation e) {
        return respond(ApiProblem.badRequest(e.field(), e.getMessage()));
    }

    @ExceptionHandler(IllegalPhaseMove.class)
    ResponseEntity<ProblemDetail> phase(IllegalPhaseMove e) {
        return respond(new ApiProblem(HttpStatus.CONFLICT, "阶段变更不允许", e.getMessage(),
                List.of(new ApiProblem.FieldError("phase", e.getMessage())))
                .with("currentPhase", e.current()).with("requestedPhase", e.requested())
                .with("allowedPhases", e.allowed()));
    }

    @ExceptionHandler(ReportingWindow.ReportingClosed.class)
    ResponseEntity<ProblemDetail> closed(ReportingWindow.ReportingClosed e) {
        return respond(new ApiProblem(HttpStatus.FORBIDDEN, "已过填报截止日", e.getMessage(),
                List.of(new ApiProblem.FieldError("period", e.getMessage()))));
    }

    static ResponseEntity<ProblemDetail> respond(ApiProblem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.toProblemDetail());
    }
}
