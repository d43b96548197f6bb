package gov.keyproject.registry.unit;

import gov.keyproject.contracts.UnitKind;
import gov.keyproject.platform.security.Caller;
import gov.keyproject.platform.web.ApiProblem;
import gov.keyproject.platform.trail.TrailEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "责任单位 Units", description = "Townships, departments and development zones that carry projects")
class UnitController {

    private final UnitService units;

    UnitController(UnitService units) {
        this.units = units;
    }

    @Schema(description = "登记责任单位", example = """
            {"code": "U-TS-01", "name": "城关镇", "kind": "TOWNSHIP"}""")
    record RegisterUnit(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,31}", message = "须为 2–32 位字母、数字或连字符")
            String code,
            @NotBlank @Size(max = 64) String name,
            @NotNull UnitKind kind) {
    }

    @Schema(description = "修改单位名称或类别", example = """
            {"name": "城关街道", "kind": "TOWNSHIP"}""")
    record ChangeUnit(@NotBlank @Size(max = 64) String name, @NotNull UnitKind kind) {
    }

    @Schema(description = "单位联系人", example = """
            {"contactPerson": "王主任", "contactPhone": "0531-88881234"}""")
    record ChangeContact(
            @NotBlank @Size(max = 32) String contactPerson,
            @NotBlank @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "电话号码格式不正确") String contactPhone) {
    }

    @PostMapping
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "登记责任单位 (operators)")
    ResponseEntity<Unit> register(@Valid @RequestBody RegisterUnit body) {
        Unit unit = units.register(domain(() -> new Unit(body.code(), body.name(), body.kind(), null, null)),
                Caller.current().actor());
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.code())).body(unit);
    }

    @GetMapping
    @Operation(summary = "单位列表")
    List<Unit> list() {
        return units.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "查看单位")
    Unit get(@PathVariable String code) {
        return units.find(code).orElseThrow(() -> ApiProblem.notFound("单位", code));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "修改单位名称或类别 (operators)")
    Unit change(@PathVariable String code, @Valid @RequestBody ChangeUnit body) {
        return domain(() -> units.rename(code, body.name(), body.kind(), Caller.current().actor()));
    }

    @PutMapping("/{code}/contact")
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT_SYSTEM')")
    @Operation(summary = "修改本单位联系人 (the unit's own system, or operators)")
    Unit changeContact(@PathVariable String code, @Valid @RequestBody ChangeContact body) {
        Caller caller = Caller.current();
        caller.requireUnit(code);
        return units.changeContact(code, body.contactPerson(), body.contactPhone(), caller.actor());
    }

    @GetMapping("/{code}/trail")
    @Operation(summary = "单位变更痕迹 (who, when, what changed)")
    List<TrailEntry> trail(@PathVariable String code) {
        return units.trail(code);
    }

    private static <T> T domain(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (Unit.UnitRuleViolation e) {
            throw ApiProblem.badRequest(e.field(), e.getMessage());
        }
    }
}
