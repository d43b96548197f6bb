package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.notice.SupervisionNotice;
import gov.keyproject.contracts.assessment.NoticeView;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;
import gov.keyproject.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** 红黄绿预警: each coloured project's colour with every reason that fired, and the daily sweep for operators. */
@RestController
@Tag(name = "预警 Warnings", description = "Warning colours per project with their reasons")
class WarningController {

    private final ProjectRecords records;
    private final Supervisor supervisor;

    WarningController(ProjectRecords records, Supervisor supervisor) {
        this.records = records;
        this.supervisor = supervisor;
    }

    /** A project's warning as of today with its notices. */
    record ProjectWarning(String projectCode, String projectName, String unitCode, String phase, boolean coloured,
                          WarningColour colour, List<WarningReason> reasons, LocalDate asOf, List<NoticeView> notices) {
    }

    @GetMapping("/api/v1/warnings")
    @Operation(summary = "预警项目列表", description = "Coloured projects, red first; filter by colour and unit.")
    List<ProjectWarning> list(@RequestParam(required = false) WarningColour colour,
                              @RequestParam(required = false) String unit) {
        return records.all(unit).stream().filter(r -> r.file() != null && r.warning().coloured())
                .filter(r -> colour == null || r.warning().colour() == colour)
                .filter(r -> unit == null || unit.equals(r.file().unitCode()))
                .sorted(Comparator.comparing((ProjectRecord r) -> r.warning().colour()).reversed()
                        .thenComparing(ProjectRecord::code))
                .map(this::view).toList();
    }

    @GetMapping("/api/v1/projects/{code}/warning")
    @Operation(summary = "项目预警详情", description = "The colour, every reason with its figures, and the notices.")
    ProjectWarning get(@PathVariable String code) {
        return records.find(code).filter(r -> r.file() != null && r.file().registeredOn() != null).map(this::view)
                .orElseThrow(() -> ApiProblem.notFound("项目", code));
    }

    @PostMapping("/api/v1/sweeps")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "立即执行每日巡查", description = "Runs the daily sweep now (it also runs after midnight).")
    Supervisor.SweepReport sweep() {
        return supervisor.sweep();
    }

    private ProjectWarning view(ProjectRecord r) {
        return new ProjectWarning(r.code(), r.file().name(), r.file().unitCode(), r.file().phase().name(),
                r.warning().coloured(), r.warning().colour(), r.warning().reasons(), supervisor.today(),
                r.notices().stream().map(SupervisionNotice::view).toList());
    }

}
