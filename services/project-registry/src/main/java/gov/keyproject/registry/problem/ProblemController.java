package gov.keyproject.registry.problem;

import gov.keyproject.contracts.project.ProblemType;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.registry.project.Project;
import gov.keyproject.registry.project.ProjectService;
import gov.keyproject.registry.project.ProjectState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

@RestController
@Tag(name = "问题交办 Problems", description = "Problems raised by projects, handed to departments with deadlines")
class ProblemController {

    private final ProjectService projects;

    ProblemController(ProjectService projects) {
        this.projects = projects;
    }

    @Schema(description = "上报问题", example = """
            {"type": "LAND", "description": "项目用地 30 亩征地尚未完成", "helpRequested": "请自然资源局加快组卷报批"}""")
    record RaiseProblem(ProblemType type, String description, String helpRequested, String assignedDepartment,
                        LocalDate deadline) {
    }

    @Schema(description = "问题交办: 责任部门与办理期限", example = """
            {"assignedDepartment": "自然资源局", "deadline": "2026-12-15"}""")
    record AssignProblem(String assignedDepartment, LocalDate deadline) {
    }

    @Schema(description = "办结说明", example = """
            {"resolution": "征地组卷已报批"}""")
    record ResolveProblem(String resolution) {
    }

    @GetMapping("/api/v1/projects/{code}/problems")
    @Operation(summary = "项目的问题清单")
    List<ProjectState.Problem> list(@PathVariable String code) {
        Project p = projects.get(code);
        Caller caller = Caller.current();
        if (caller.unit() != null && !caller.mayActFor(p.unitCode())) {
            throw ApiProblem.forbidden("只能查看本单位的项目");
        }
        return p.state().problems();
    }

    @PostMapping("/api/v1/projects/{code}/problems")
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "上报问题 (the project's unit system or operators)")
    ResponseEntity<ProjectState.Problem> raise(@PathVariable String code, @RequestBody RaiseProblem body) {
        Caller caller = Caller.current();
        Project.Change change = projects.execute(code, p -> {
            requireWrite(caller, p);
            return p.raiseProblem(new Project.ProblemInput(body.type(), body.description(), body.helpRequested(),
                    body.assignedDepartment(), body.deadline()), projects.today());
        }, caller.actor());
        List<ProjectState.Problem> problems = change.after().state().problems();
        ProjectState.Problem raised = problems.get(problems.size() - 1);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/projects/" + code + "/problems/" + raised.id())).body(raised);
    }

    @PostMapping("/api/v1/projects/{code}/problems/{problemId}/assignment")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "问题交办 (operators): hand a problem to a department with a deadline")
    ProjectState.Problem assign(@PathVariable String code, @PathVariable String problemId,
                                @RequestBody AssignProblem body) {
        Project.Change change = projects.execute(code, p -> p.assignProblem(problemId, body.assignedDepartment(),
                body.deadline(), projects.today()), Caller.current().actor());
        return find(change.after(), problemId);
    }

    @PostMapping("/api/v1/projects/{code}/problems/{problemId}/resolution")
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "问题办结")
    ProjectState.Problem resolve(@PathVariable String code, @PathVariable String problemId,
                                 @RequestBody ResolveProblem body) {
        Caller caller = Caller.current();
        Project.Change change = projects.execute(code, p -> {
            requireWrite(caller, p);
            return p.resolveProblem(problemId, body.resolution(), projects.today());
        }, caller.actor());
        return find(change.after(), problemId);
    }

    private static void requireWrite(Caller caller, Project p) {
        if (!caller.isOperator() && !p.unitCode().equals(caller.unit())) {
            throw ApiProblem.forbidden("只能处理本单位 (" + caller.unit() + ") 项目的问题");
        }
    }

    private static ProjectState.Problem find(Project p, String id) {
        return p.state().problems().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }
}
