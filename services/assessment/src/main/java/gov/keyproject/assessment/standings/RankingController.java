package gov.keyproject.assessment.standings;

import gov.keyproject.assessment.warning.AssessmentCalendar;
import gov.keyproject.assessment.AssessmentSettings;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.RankingPublished;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * 考核红黑榜: each sequence's current ranking with every unit's components, penalties and why it moved; the
 * exemption (免试清单) and negative (负面清单) lists, kept by operators.
 */
@RestController
@Tag(name = "红黑榜 Rankings", description = "Unit rankings per sequence, honour and black lists, exemption and negative lists")
class RankingController {

    private final Rankings rankings;
    private final UnitLists lists;
    private final UnitDirectory units;
    private final AssessmentCalendar calendar;
    private final Clock clock;

    RankingController(Rankings rankings, UnitLists lists, UnitDirectory units, AssessmentSettings settings,
                      Clock clock) {
        this.rankings = rankings;
        this.lists = lists;
        this.units = units;
        this.calendar = settings.calendar();
        this.clock = clock;
    }

    @Schema(description = "列入免试清单 (EXEMPT) 或负面清单 (NEGATIVE) 及理由", example = """
            {"list": "EXEMPT", "reason": "一季度重点项目攻坚成效突出"}""")
    record ListRequest(String list, String reason) {
    }

    @GetMapping("/api/v1/rankings/{sequence}")
    @Operation(summary = "某序列的当前排名", description = "sequence: TOWNSHIP, DEPARTMENT or DEVELOPMENT_ZONE; period "
            + "defaults to the assessment period (the month before today).")
    RankingPublished ranking(@PathVariable UnitKind sequence, @RequestParam(required = false) String period) {
        YearMonth p = period == null ? calendar.assessmentPeriod(LocalDate.now(clock)) : period(period);
        return rankings.current(p, sequence).orElseThrow(() -> ApiProblem.notFound("排名", sequence + " " + p));
    }

    @GetMapping("/api/v1/lists")
    @Operation(summary = "免试清单与负面清单")
    List<UnitLists.Listing> listings() {
        return lists.all();
    }

    @PutMapping("/api/v1/lists/{unitCode}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "将单位列入免试清单或负面清单", description = "A unit is on at most one of the lists (409).")
    UnitLists.Listing put(@PathVariable String unitCode, @RequestBody(required = false) ListRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("list", "不能为空");
        }
        if (!UnitLists.EXEMPT.equals(request.list()) && !UnitLists.NEGATIVE.equals(request.list())) {
            throw ApiProblem.badRequest("list", "须为 EXEMPT (免试清单) 或 NEGATIVE (负面清单)");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw ApiProblem.badRequest("reason", "不能为空");
        }
        if (request.reason().length() > 500) {
            throw ApiProblem.badRequest("reason", "不能超过 500 个字符");
        }
        UnitDirectory.Unit unit = units.find(unitCode).orElseThrow(() -> ApiProblem.notFound("单位", unitCode));
        UnitLists.Listing listing = new UnitLists.Listing(unitCode, request.list(), request.reason().strip(),
                Caller.current().actor(), clock.instant());
        if (lists.put(listing)) {
            rankings.refresh(calendar.assessmentPeriod(LocalDate.now(clock)), unit.kind(),
                    new Cause("L:" + unitCode, "单位 " + unit.name() + " 列入" + UnitLists.label(request.list())));
        }
        return lists.find(unitCode).orElseThrow();
    }

    @GetMapping("/api/v1/lists/{unitCode}/history")
    @Operation(summary = "单位列入与移出清单的记录", description = "Every listing and removal: action, list, reason, who "
            + "and when, oldest first.")
    List<Map<String, Object>> history(@PathVariable String unitCode) {
        return lists.history(unitCode).stream().map(d -> (Map<String, Object>) new java.util.LinkedHashMap<>(d))
                .toList();
    }

    @DeleteMapping("/api/v1/lists/{unitCode}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "将单位移出清单")
    ResponseEntity<Void> remove(@PathVariable String unitCode, @RequestParam String list) {
        if (!UnitLists.EXEMPT.equals(list) && !UnitLists.NEGATIVE.equals(list)) {
            throw ApiProblem.badRequest("list", "须为 EXEMPT (免试清单) 或 NEGATIVE (负面清单)");
        }
        UnitDirectory.Unit unit = units.find(unitCode).orElseThrow(() -> ApiProblem.notFound("单位", unitCode));
        if (!lists.remove(unitCode, list, Caller.current().actor(), clock.instant())) {
            throw ApiProblem.notFound(UnitLists.label(list) + "中的单位", unitCode);
        }
        rankings.refresh(calendar.assessmentPeriod(LocalDate.now(clock)), unit.kind(),
                new Cause("L:" + unitCode, "单位 " + unit.name() + " 移出" + UnitLists.label(list)));
        return ResponseEntity.noContent().build();
    }

    static YearMonth period(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("period", "须为 YYYY-MM 格式的月份");
        }
    }

    /** A unit on the other list: 409 naming where it is. */
    @RestControllerAdvice(assignableTypes = RankingController.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    static class ListProblems {

        @ExceptionHandler(UnitLists.OnOtherList.class)
        ResponseEntity<ProblemDetail> other(UnitLists.OnOtherList e) {
            ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, "不能同时列入两个清单", e.getMessage(),
                    List.of(new ApiProblem.FieldError("list", e.getMessage())))
                    .with("currentList", e.current().list());
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem.toProblemDetail());
        }
    }
}
