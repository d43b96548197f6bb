package gov.keyproject.registry.report;

import gov.keyproject.contracts.project.ProblemType;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.registry.project.IllegalPhaseMove;
import gov.keyproject.registry.project.Project;
import gov.keyproject.registry.project.ProjectRuleViolation;
import gov.keyproject.registry.project.ProjectService;
import gov.keyproject.registry.project.ProjectState;
import gov.keyproject.registry.project.ReportingWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "月度填报 Monthly progress reports", description = "Monthly investment and image progress, with problems")
class ReportController {

    static final int MAX_BATCH = 5_000;
    private final ProjectService projects;

    ReportController(ProjectService projects) {
        this.projects = projects;
    }

    @Schema(description = "问题 (可同时交办部门并限期)", example = """
            {"type": "UTILITIES", "description": "施工用电增容未落实", "helpRequested": "请供电公司协调",
             "assignedDepartment": "供电公司", "deadline": "2026-11-20"}""")
    record ProblemBody(ProblemType type, String description, String helpRequested, String assignedDepartment,
                       LocalDate deadline) {
        Project.ProblemInput input() {
            return new Project.ProblemInput(type, description, helpRequested, assignedDepartment, deadline);
        }
    }

    @Schema(description = "月度进度: 本月完成投资 (万元)、形象进度、是否在施工、问题", example = """
            {"investmentCompleted": 1250.50, "workUnderWay": true, "imageProgress": "主体结构施工至第 6 层",
             "imageProgressPercent": 45, "problems": []}""")
    record ReportBody(BigDecimal investmentCompleted, Boolean workUnderWay, String imageProgress,
                      Integer imageProgressPercent, List<ProblemBody> problems) {
        Project.ReportInput input(YearMonth period) {
            return new Project.ReportInput(period, investmentCompleted, workUnderWay, imageProgress,
                    imageProgressPercent, problems == null ? null : problems.stream().map(ProblemBody::input).toList());
        }
    }

    @Schema(description = "批量填报中的一条", example = """
            {"projectCode": "2026-370103-48-01-000123", "period": "2026-10", "investmentCompleted": 1250.50,
             "workUnderWay": true, "imageProgress": "主体结构施工至第 6 层", "imageProgressPercent": 45}""")
    record BatchItem(String projectCode, String period, BigDecimal investmentCompleted, Boolean workUnderWay,
                     String imageProgress, Integer imageProgressPercent, List<ProblemBody> problems) {
    }

    @Schema(description = "批量填报 (至多 5000 条)，逐条受理或拒绝")
    record Batch(@NotNull @Size(max = MAX_BATCH) List<BatchItem> reports) {
    }

    /** The outcome of one filing: FILED (revision 1), CORRECTED (n > 1), UNCHANGED (same as before) or REJECTED. */
    record Outcome(Integer index, String projectCode, String period, String status, Integer revision,
                   List<ApiProblem.FieldError> errors) {
    }

    @PutMapping("/api/v1/projects/{code}/reports/{period}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "填报或更正月度进度 (unit systems until the period's deadline, the 5th of the next month; "
            + "then operators only)")
    ResponseEntity<Outcome> file(@PathVariable String code, @PathVariable YearMonth period,
                                 @RequestBody ReportBody body) {
        Outcome outcome = file(Caller.current(), code, period, body.input(period), null);
        return ResponseEntity.status("FILED".equals(outcome.status()) ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome);
    }

    @GetMapping("/api/v1/projects/{code}/reports")
    @Operation(summary = "项目的月度填报 (每月最新版本)")
    Map<String, ProjectState.ProgressReport> reports(@PathVariable String code) {
        Project p = projects.get(code);
        if (!Caller.current().mayActFor(p.unitCode()) && isUnitScoped(Caller.current())) {
            throw ApiProblem.forbidden("只能查看本单位的项目");
        }
        return p.state().reports();
    }

    @PostMapping("/api/v1/reports/batch")
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "批量填报: each report accepted or rejected on its own, with its reason")
    List<Outcome> batch(@Valid @RequestBody Batch batch) {
        Caller caller = Caller.current();
        List<BatchItem> items = batch.reports();
        Outcome[] outcomes = new Outcome[items.size()];
        // Rounds of distinct projects: a project that appears twice (two months) is written in two rounds, in order.
        List<Map<String, Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            try {
                if (item == null || item.projectCode() == null || item.projectCode().isBlank()) {
                    throw new ProjectRuleViolation("projectCode", "不能为空");
                }
                parsePeriod(item.period());
                Map<String, Integer> round = rounds.stream().filter(r -> !r.containsKey(item.projectCode()))
                        .findFirst().orElseGet(() -> {
                            rounds.add(new java.util.LinkedHashMap<>());
                            return rounds.get(rounds.size() - 1);
                        });
                round.put(item.projectCode(), i);
            } catch (RuntimeException e) {
                outcomes[i] = rejected(i, item, e);
            }
        }
        for (Map<String, Integer> round : rounds) {
            Map<String, java.util.function.Function<Project, Project.Change>> commands = new java.util.LinkedHashMap<>();
            round.forEach((code, i) -> {
                BatchItem item = items.get(i);
                YearMonth period = parsePeriod(item.period());
                Project.ReportInput input = new ReportBody(item.investmentCompleted(), item.workUnderWay(),
                        item.imageProgress(), item.imageProgressPercent(), item.problems()).input(period);
                commands.put(code, p -> {
                    requireWrite(caller, p);
                    return p.fileReport(input, new Project.Filing(caller.actor(), caller.isOperator(),
                            projects.today()), projects.window());
                });
            });
            projects.executeAll(commands, caller.actor()).forEach((code, result) -> {
                int i = round.get(code);
                BatchItem item = items.get(i);
                outcomes[i] = result.refusal() != null ? rejected(i, item, result.refusal())
                        : outcome(i, code, item.period(), result.change());
            });
        }
        return List.of(outcomes);
    }

    private Outcome file(Caller caller, String code, YearMonth period, Project.ReportInput input, Integer index) {
        Project.Change change = projects.execute(code, p -> {
            requireWrite(caller, p);
            return p.fileReport(input, new Project.Filing(caller.actor(), caller.isOperator(), projects.today()),
                    projects.window());
        }, caller.actor());
        return outcome(index, code, period.toString(), change);
    }

    private static Outcome outcome(Integer index, String code, String period, Project.Change change) {
        ProjectState.ProgressReport report = change.after().state().reports().get(period);
        String status = change.isEmpty() ? "UNCHANGED" : report.revision() == 1 ? "FILED" : "CORRECTED";
        return new Outcome(index, code, period, status, report.revision(), List.of());
    }

    static void requireWrite(Caller caller, Project p) {
        if (!caller.isOperator() && !p.unitCode().equals(caller.unit())) {
            throw ApiProblem.forbidden("只能填报本单位 (" + caller.unit() + ") 的项目");
        }
    }

    private static boolean isUnitScoped(Caller caller) {
        return caller.unit() != null && !caller.isOperator();
    }

    private static YearMonth parsePeriod(String period) {
        try {
            return YearMonth.parse(period == null ? "" : period);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProjectRuleViolation("period", "月份格式须为 YYYY-MM");
        }
    }

    /** A refused item: the domain's reason with its field; anything unexpected is not hidden but rethrown. */
    private static Outcome rejected(int index, BatchItem item, RuntimeException e) {
        String field;
        if (e instanceof ProjectRuleViolation v) {
            field = v.field();
        } else if (e instanceof IllegalPhaseMove) {
            field = "phase";
        } else if (e instanceof ReportingWindow.ReportingClosed) {
            field = "period";
        } else if (e instanceof ApiProblem) {
            field = "projectCode";
        } else {
            throw e;
        }
        return new Outcome(index, item == null ? null : item.projectCode(), item == null ? null : item.period(),
                "REJECTED", null, List.of(new ApiProblem.FieldError(field, e.getMessage())));
    }
}
