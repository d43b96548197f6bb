package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.AssessmentIntegrationTest;
import gov.keyproject.assessment.Inputs;
import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.contracts.statistics.InvestmentEntryRecorded;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 入库滞后 from the statistics service's entry events: reported but not entered for both months before the
 * assessment period turns a started project yellow; an entry clears it; a redelivered older revision changes nothing.
 */
class EntryLaggingTest extends AssessmentIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private ProjectRecords records;

    private static final String REGISTRY = "/keyproject/project-registry";
    private static final String STATISTICS = "/keyproject/investment-statistics";

    @Test
    void reportedButNotEnteredTwoMonthsRunningIsYellowUntilTheBureauEntersIt() {
        clock.setDay(LocalDate.of(2026, 7, 10)); // p(D) = June; the two months before it: April and May
        String unit = unique("TS");
        Inputs.Project p = new Inputs.Project(unique("P"), unit, 2026, "1200", LocalDate.of(2026, 1, 20),
                LocalDate.of(2026, 1, 5));
        p.phase = ProjectPhase.UNDER_CONSTRUCTION;
        p.startDate = LocalDate.of(2026, 1, 20);
        List<Map.Entry<DomainEvent, Long>> events = new ArrayList<>();
        events.add(Map.entry(new ProjectRegistered(p.snapshot()), p.next()));
        for (int m = 1; m <= 6; m++) {
            events.add(Map.entry(SupervisionFlowTest.report(p, YearMonth.of(2026, m), "100"), p.next()));
        }
        publish(REGISTRY, new UnitRegistered(unit, "测试镇" + unit, UnitKind.TOWNSHIP), 1);
        publish(REGISTRY, events);
        publish(STATISTICS, entry(p, YearMonth.of(2026, 4), "0", 1), 1);
        JsonNode yellow = await().atMost(Duration.ofSeconds(30)).until(
                () -> api().get("/api/v1/projects/" + p.code + "/warning", viewer()).json(),
                w -> w.path("reasons").findValuesAsString("code").contains("ENTRY_LAGGING"));
        assertThat(yellow.get("colour").asString()).isEqualTo("YELLOW");
        assertThat(yellow.get("reasons").findValuesAsString("text")).contains("2026-04、2026-05 已报投资未入库");

        publish(STATISTICS, entry(p, YearMonth.of(2026, 5), "100", 1), 1);
        await().atMost(Duration.ofSeconds(30)).until(
                () -> api().get("/api/v1/projects/" + p.code + "/warning", viewer()).json().get("colour").asString(),
                "GREEN"::equals);

        // The bureau withdraws May's entry (revision 2 = 0); the old revision 1 arrives again and is ignored.
        publish(STATISTICS, entry(p, YearMonth.of(2026, 5), "0", 2), 2);
        publish(STATISTICS, entry(p, YearMonth.of(2026, 5), "100", 1), 1);
        await().atMost(Duration.ofSeconds(30)).until(
                () -> api().get("/api/v1/projects/" + p.code + "/warning", viewer()).json().get("colour").asString(),
                "YELLOW"::equals);
        // Revision 3 rides behind the stale one on the same key: once it is applied, the stale one was skipped.
        publish(STATISTICS, entry(p, YearMonth.of(2026, 5), "0.00", 3), 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> records.find(p.code).orElseThrow()
                .enteredSequence(YearMonth.of(2026, 5)) == 3);
        assertThat(records.find(p.code).orElseThrow().file().entered(YearMonth.of(2026, 5))).isZero();
        assertThat(api().get("/api/v1/projects/" + p.code + "/warning", viewer()).json().get("colour").asString())
                .isEqualTo("YELLOW");
    }

    private static InvestmentEntryRecorded entry(Inputs.Project p, YearMonth period, String amount, long revision) {
        return new InvestmentEntryRecorded(p.code, period, new BigDecimal(amount), revision);
    }
}
