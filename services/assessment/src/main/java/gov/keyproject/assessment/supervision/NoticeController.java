package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.notice.IllegalNoticeMove;
import gov.keyproject.assessment.notice.SupervisionNotice;
import gov.keyproject.contracts.assessment.NoticeView;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.security.Role;
import gov.keyproject.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * 三色督办单: units take on (领办) and report rectification (整改) of their own notices; operators verify and close
 * (办结销号) or reject (驳回重办). Every move is kept in the notice's trail and published as an event.
 */
@RestController
@Tag(name = "督办单 Supervision notices", description = "Green reminders, yellow and red notices and their lifecycle")
class NoticeController {

    static final int MAX_TEXT = 2000;

    private final Supervisor supervisor;
    private final ProjectRecords records;

    NoticeController(Supervisor supervisor, ProjectRecords records) {
        this.supervisor = supervisor;
        this.records = records;
    }

    @Schema(description = "说明 (领办、销号时可选; 整改情况、驳回理由必填)", example = """
            {"text": "已协调国土部门完成用地报批，预计 11 月底前开工"}""")
    record Note(String text) {
    }

    @GetMapping("/api/v1/notices")
    @Operation(summary = "督办单列表", description = "Filter by unit, colour, status (ISSUED, ACKNOWLEDGED, RECTIFIED, "
            + "REJECTED, OVERDUE, CLOSED, ESCALATED) or open only.")
    List<NoticeView> list(@RequestParam(required = false) String unit,
                          @RequestParam(required = false) WarningColour colour,
                          @RequestParam(required = false) String status,
                          @RequestParam(defaultValue = "false") boolean open) {
        return records.all(unit).stream().flatMap(r -> r.notices().stream())
                .filter(n -> unit == null || unit.equals(n.unitCode()))
                .filter(n -> colour == null || colour == n.colour())
                .filter(n -> status == null || status.equals(n.status()))
                .filter(n -> !open || n.open())
                .sorted(Comparator.comparing(SupervisionNotice::issuedOn).reversed()
                        .thenComparing(SupervisionNotice::id))
                .map(SupervisionNotice::view).toList();
    }

    @GetMapping("/api/v1/notices/{id}")
    @Operation(summary = "督办单详情及全程痕迹")
    NoticeView get(@PathVariable String id) {
        return find(id).view();
    }

    @PostMapping("/api/v1/notices/{id}/acknowledge")
    @PreAuthorize("hasRole('UNIT_SYSTEM')")
    @Operation(summary = "领办 (责任单位)")
    NoticeView acknowledge(@PathVariable String id, @RequestBody(required = false) Note note) {
        return unitMove(id, SupervisionNotice.ACKNOWLEDGE, optional(note));
    }

    @PostMapping("/api/v1/notices/{id}/rectify")
    @PreAuthorize("hasRole('UNIT_SYSTEM')")
    @Operation(summary = "报送整改情况 (责任单位)")
    NoticeView rectify(@PathVariable String id, @RequestBody(required = false) Note note) {
        return unitMove(id, SupervisionNotice.RECTIFY, required(note, "整改情况"));
    }

    @PostMapping("/api/v1/notices/{id}/close")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "办结销号 (督查考核办)")
    NoticeView close(@PathVariable String id, @RequestBody(required = false) Note note) {
        find(id);
        return supervisor.move(id, SupervisionNotice.CLOSE, Caller.current().actor(), optional(note)).view();
    }

    @PostMapping("/api/v1/notices/{id}/reject")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "驳回重办 (督查考核办)")
    NoticeView reject(@PathVariable String id, @RequestBody(required = false) Note note) {
        find(id);
        return supervisor.move(id, SupervisionNotice.REJECT, Caller.current().actor(), required(note, "驳回理由"))
                .view();
    }

    private NoticeView unitMove(String id, String action, String text) {
        SupervisionNotice notice = find(id);
        Caller caller = Caller.current();
        if (!caller.is(Role.UNIT_SYSTEM) || !notice.unitCode().equals(caller.unit())) {
            throw ApiProblem.forbidden("督办单 " + id + " 属于单位 " + notice.unitCode() + "，只能由该单位办理");
        }
        return supervisor.move(id, action, caller.actor(), text).view();
    }

    private SupervisionNotice find(String id) {
        try {
            return supervisor.notice(id).orElseThrow(() -> ApiProblem.notFound("督办单", id));
        } catch (NoSuchElementException e) {
            throw ApiProblem.notFound("督办单", id);
        }
    }

    private static String optional(Note note) {
        if (note == null || note.text() == null || note.text().isBlank()) {
            return null;
        }
        return check(note.text());
    }

    private static String required(Note note, String what) {
        if (note == null || note.text() == null || note.text().isBlank()) {
            throw ApiProblem.badRequest("text", what + "不能为空");
        }
        return check(note.text());
    }

    private static String check(String text) {
        if (text.length() > MAX_TEXT) {
            throw ApiProblem.badRequest("text", "不能超过 " + MAX_TEXT + " 个字符");
        }
        return text.strip();
    }

    /** Lifecycle violations as 409 naming the current status and the moves allowed from it. */
    @RestControllerAdvice(assignableTypes = NoticeController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class NoticeProblems {

        @ExceptionHandler(IllegalNoticeMove.class)
        ResponseEntity<ProblemDetail> move(IllegalNoticeMove e) {
            ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, "督办单状态不允许此操作", e.getMessage(),
                    List.of(new ApiProblem.FieldError("status", e.getMessage())))
                    .with("currentStatus", e.status()).with("allowedMoves", e.allowed().stream().sorted().toList());
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem.toProblemDetail());
        }
    }
}
