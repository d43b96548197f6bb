package gov.keyproject.console;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/** The console's today and the month under assessment (the one before), so pages ask for the right period. */
@RestController
class TodayController {

    private final Clock clock;

    TodayController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/console/api/today")
    Map<String, String> today() {
        LocalDate today = LocalDate.now(clock);
        return Map.of("today", today.toString(), "period", YearMonth.from(today).minusMonths(1).toString());
    }
}
