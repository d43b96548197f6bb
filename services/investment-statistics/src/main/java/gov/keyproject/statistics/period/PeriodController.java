package gov.keyproject.statistics.period;

import gov.keyproject.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;

@RestController
@Tag(name = "月度关账 Period close", description = "Frozen figures of a closed period and the amendments after it")
class PeriodController {

    private final PeriodCloses periods;

    PeriodController(PeriodCloses periods) {
        this.periods = periods;
    }

    @PostMapping("/api/v1/periods/{period}/close")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "关账 (operators): freezes the period's figures; closing twice is a 409")
    ResponseEntity<Document> close(@PathVariable @Parameter(example = "2026-10") YearMonth period) {
        return ResponseEntity.status(HttpStatus.CREATED).body(periods.close(period, Caller.current().actor()));
    }

    @GetMapping("/api/v1/periods/{period}")
    @Operation(summary = "已关账统计期的冻结数据与更正记录 (amendments)")
    Document get(@PathVariable @Parameter(example = "2026-10") YearMonth period) {
        return periods.view(period);
    }
}
