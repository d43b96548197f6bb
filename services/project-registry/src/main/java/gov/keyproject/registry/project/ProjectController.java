package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ApprovalKind;
import gov.keyproject.contracts.project.ApprovalStatus;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.trail.TrailEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "项目库 Projects", description = "Key projects: ledger data, phases, milestones and pre-work approvals")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @Schema(description = "登记重点项目 (台账信息)", example = """
            {"code": "2026-370103-48-01-000123", "name": "城东新能源电池产业园一期", "category": "INDUSTRIAL",
             "level": "MUNICIPAL", "constructionType": "NEW", "totalInvestment": 52000,
             "plannedInvestment": {"2026": 18000, "2027": 34000}, "plannedStart": "2026-03-01",
             "plannedCompletion": "2027-12-31", "township": "城关镇", "unitCode": "ZN-01",
             "linkedLeader": "李副县长", "owner": "某某新能源有限公司", "phase": "READY"}""")
    record RegisterProject(String code, String name, ProjectCategory category, ProjectLevel level,
                           ConstructionType constructionType, BigDecimal totalInvestment,
                           Map<String, BigDecimal> plannedInvestment, LocalDate plannedStart,
                           LocalDate plannedCompletion, String township, BigDecimal latitude, BigDecimal longitude,
                           String unitCode, String linkedLeader, String owner, ProjectPhase phase,
                           LocalDate startDate) {
        ProjectData data() {
            return new ProjectData(name, category, level, constructionType, totalInvestment, plannedInvestment,
                    plannedStart, plannedCompletion, township, latitude, longitude, unitCode, linkedLeader, owner);
        }
    }

    @Schema(description = "修改台账信息 (全量)", example = """
            {"name": "城东新能源电池产业园一期", "category": "INDUSTRIAL", "level": "PROVINCIAL",
             "constructionType": "NEW", "totalInvestment": 56000, "plannedInvestment": {"2026": 20000, "2027": 36000},
             "plannedStart": "2026-03-01", "plannedCompletion": "2027-12-31", "township": "城关镇",
             "unitCode": "ZN-01", "linkedLeader": "李副县长", "owner": "某某新能源有限公司"}""")
    record UpdateProject(String name, ProjectCategory category, ProjectLevel level,
                         ConstructionType constructionType, BigDecimal totalInvestment,
                         Map<String, BigDecimal> plannedInvestment, LocalDate plannedStart,
                         LocalDate plannedCompletion, String township, BigDecimal latitude, BigDecimal longitude,
                         String unitCode, String linkedLeader, String owner) {
        ProjectData data() {
            return new ProjectData(name, category, level, constructionType, totalInvestment, plannedInvestment,
                    plannedStart, plannedCompletion, township, latitude, longitude, unitCode, linkedLeader, owner);
        }
    }

    @Schema(description = "阶段变更; on 为变更日期 (开工日期、竣工日期), 缺省为今天", example = """
            {"phase": "UNDER_CONSTRUCTION", "on": "2026-03-18"}""")
    record MovePhase(@NotNull ProjectPhase phase, LocalDate on) {
    }

    @Schema(description = "时间节点的计划与实际日期", example = """
            {"plannedDate": "2026-11-30", "actualDate": null}""")
    record SetMilestone(LocalDate plannedDate, LocalDate actualDate) {
    }

    @Schema(description = "前期手续办理状态", example = """
            {"status": "IN_PROGRESS"}""")
    record SetApproval(@NotNull ApprovalStatus status) {
    }

    @PostMapping
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "登记项目 (operators)")
    ResponseEntity<ProjectView> register(@Valid @RequestBody RegisterProject body) {
        Project p = projects.register(body.code(), body.data(), body.phase(), body.startDate(), null,
                Caller.current().actor());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + p.code())).body(ProjectView.of(p));
    }

    @GetMapping
    @Operation(summary = "项目列表; unit systems see only their own unit's projects")
    List<ProjectView> list(@RequestParam(required = false) String unit,
                           @RequestParam(required = false) ProjectPhase phase) {
        Caller caller = Caller.current();
        String scope = ProjectAccess.unitScoped(caller) ? caller.unit() : unit;
        return projects.list(scope, phase).stream().map(ProjectView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "查看项目")
    ProjectView get(@PathVariable String code) {
        Project p = projects.get(code);
        ProjectAccess.read(Caller.current(), p);
        return ProjectView.of(p);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "修改台账信息 (operators)")
    ProjectView update(@PathVariable String code, @Valid @RequestBody UpdateProject body) {
        return ProjectView.of(projects.execute(code, p -> p.update(body.data()), Caller.current().actor()).after());
    }

    @PostMapping("/{code}/phase")
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "阶段变更 (illegal moves: 409 naming the current and allowed phases; 收回 only by operators)")
    ProjectView move(@PathVariable String code, @Valid @RequestBody MovePhase body) {
        Caller caller = Caller.current();
        return ProjectView.of(projects.execute(code, p -> {
            ProjectAccess.write(caller, p);
            if (body.phase() == ProjectPhase.REVOKED && !caller.isOperator()) {
                throw gov.keyproject.platform.web.ApiProblem.forbidden("收回项目须由管理员 (operator) 办理");
            }
            return p.moveTo(body.phase(), body.on(), projects.today());
        }, caller.actor()).after());
    }

    @PutMapping("/{code}/milestones/{kind}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "更新时间节点")
    ProjectView milestone(@PathVariable String code, @PathVariable MilestoneKind kind,
                          @RequestBody SetMilestone body) {
        Caller caller = Caller.current();
        return ProjectView.of(projects.execute(code, p -> {
            ProjectAccess.write(caller, p);
            return p.setMilestone(kind, body.plannedDate(), body.actualDate(), projects.today());
        }, caller.actor()).after());
    }

    @PutMapping("/{code}/approvals/{kind}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "更新前期手续状态")
    ProjectView approval(@PathVariable String code, @PathVariable ApprovalKind kind,
                         @Valid @RequestBody SetApproval body) {
        Caller caller = Caller.current();
        return ProjectView.of(projects.execute(code, p -> {
            ProjectAccess.write(caller, p);
            return p.setApproval(kind, body.status());
        }, caller.actor()).after());
    }

    @GetMapping("/{code}/trail")
    @Operation(summary = "项目变更痕迹 (who, when, what changed)")
    List<TrailEntry> trail(@PathVariable String code) {
        ProjectAccess.read(Caller.current(), projects.get(code));
        return projects.trail(code);
    }
}
