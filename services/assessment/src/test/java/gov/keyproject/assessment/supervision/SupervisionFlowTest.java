package gov.keyproject.assessment.supervision;

import gov.keyproject.assessment.AssessmentIntegrationTest;
import gov.keyproject.assessment.Inputs;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registry events in, colours, notices and rankings out: a lagging project turns red with its reasons, gets a red
 * notice copied to its leader, costs its unit points with an explanation; the notice then goes through its whole
 * lifecycle by API; a yellow notice left past its deadline escalates.
 */
class SupervisionFlowTest extends AssessmentIntegrationTest {

    private static final String REGISTRY = "/keyproject/project-registry";

    @Autowired
    private Supervisor supervisor;

    @Test
    void aLaggingProjectTurnsRedIsNoticedAndCostsItsUnitPoints() {
        clock.setDay(LocalDate.of(2026, 3, 10));
        String unit = unique("TS");
        Inputs.Project p = new Inputs.Project(unique("P"), unit, 2026, "1200", LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 1, 5)).milestone(MilestoneKind.PROJECT_APPROVAL, LocalDate.of(2026, 2, 1), null);
        try (TopicReader out = new TopicReader(servers.kafkaBootstrap(),
                List.of(Topics.ASSESSMENT_SUPERVISION_EVENTS, Topics.ASSESSMENT_RANKING_EVENTS))) {
            publish(REGISTRY, new UnitRegistered(unit, "测试镇" + unit, UnitKind.TOWNSHIP), 1);
            publish(REGISTRY, new ProjectRegistered(p.snapshot()), p.next());

            ApiClient api = api();
            JsonNode warning = await().atMost(Duration.ofSeconds(30)).until(
                    () -> api.get("/api/v1/projects/" + p.code + "/warning", viewer()),
                    r -> r.status() == 200).json();
            assertThat(warning.get("colour").asString()).isEqualTo("RED");
            assertThat(warning.get("reasons").findValuesAsString("code"))
                    .containsExactly("NOT_STARTED", "MILESTONE_OVERDUE", "REPORT_MISSING");
            assertThat(warning.get("reasons").get(0).get("text").asString()).contains("已逾期 54 天未开工");
            JsonNode notice = warning.get("notices").get(0);
            assertThat(notice.get("colour").asString()).isEqualTo("RED");
            assertThat(notice.get("deadline").asString()).isEqualTo("2026-03-17");
            assertThat(notice.get("copiedTo").asString()).isEqualTo("王副县长");

            // The unit's ranking: penalised 5 points for the open red notice, and told why.
            JsonNode ranking = await().atMost(Duration.ofSeconds(30)).until(
                    () -> api.get("/api/v1/rankings/TOWNSHIP", viewer()).json(),
                    r -> entry(r, unit) != null && entry(r, unit).get("penalties").size() == 1);
            JsonNode mine = entry(ranking, unit);
            assertThat(mine.get("penalties").get(0).get("kind").asString()).isEqualTo("OPEN_RED_NOTICE");
            assertThat(mine.get("penalties").get(0).get("points").decimalValue()).isEqualByComparingTo("5");
            // Not started by E: 开复工率 0 of 1; milestones 0 of 1; investment 0 → score 0 (floored).
            assertThat(mine.get("score").decimalValue()).isEqualByComparingTo("0");

            // Events: the colour change and the notice went out on the supervision topic, the ranking on its own.
            await().atMost(Duration.ofSeconds(30)).until(() -> out.poll().stream()
                    .filter(r -> p.code.equals(r.key()))
                    .map(r -> EventCodec.decode(r.value()).type()).toList()
                    .containsAll(List.of("gov.keyproject.assessment.ColourChanged.v1",
                            "gov.keyproject.assessment.NoticeIssued.v1")));

            // The unit files its report and starts work: the red reasons about start and report clear.
            publish(REGISTRY, report(p, YearMonth.of(2026, 2), "300"), p.next());
            p.phase = ProjectPhase.UNDER_CONSTRUCTION;
            p.startDate = LocalDate.of(2026, 3, 10);
            p.milestone(MilestoneKind.PROJECT_APPROVAL, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 9));
            publish(REGISTRY, new ProjectPhaseChanged(p.snapshot(), ProjectPhase.READY, ProjectPhase.UNDER_CONSTRUCTION,
                    p.startDate), p.next());
            JsonNode green = await().atMost(Duration.ofSeconds(30)).until(
                    () -> api.get("/api/v1/projects/" + p.code + "/warning", viewer()).json(),
                    w -> "GREEN".equals(w.get("colour").asString()));
            assertThat(green.get("reasons").size()).isZero();
            // The red notice stays open until the office verifies it (办结销号), so the penalty stands.
            assertThat(green.get("notices").get(0).get("status").asString()).isEqualTo("ISSUED");

            // Its lifecycle by API: 领办 → 整改 → 驳回 → 整改 → 销号, each by the right caller only.
            String id = notice.get("noticeId").asString();
            String own = unitSystem(unit);
            assertThat(api.post("/api/v1/notices/" + id + "/acknowledge", unitSystem("OTHER"), Map.of()).status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/notices/" + id + "/close", own, Map.of()).status()).isEqualTo(403);
            ApiClient.Response early = api.post("/api/v1/notices/" + id + "/close", operator(), Map.of());
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.json().get("currentStatus").asString()).isEqualTo("ISSUED");
            assertThat(early.json().get("allowedMoves").get(0).asString()).isEqualTo("ACKNOWLEDGE");
            assertThat(api.post("/api/v1/notices/" + id + "/acknowledge", own, Map.of()).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/notices/" + id + "/rectify", own, Map.of()).status()).isEqualTo(400);
            assertThat(api.post("/api/v1/notices/" + id + "/rectify", own, Map.of("text", "已开工并补报进度"))
                    .json().get("status").asString()).isEqualTo("RECTIFIED");
            assertThat(api.post("/api/v1/notices/" + id + "/reject", operator(), Map.of("text", "未附现场照片"))
                    .json().get("status").asString()).isEqualTo("REJECTED");
            api.post("/api/v1/notices/" + id + "/rectify", own, Map.of("text", "已补充现场照片"));
            JsonNode closed = api.post("/api/v1/notices/" + id + "/close", operator(), Map.of("text", "核实销号"))
                    .json();
            assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
            assertThat(closed.get("trail").findValuesAsString("action")).containsExactly("ISSUE", "ACKNOWLEDGE",
                    "RECTIFY", "REJECT", "RECTIFY", "CLOSE");
            assertThat(closed.get("trail").get(3).get("actor").asString()).isEqualTo("operator-li");

            // Closing it lifts the penalty, and the ranking says which project moved which component.
            JsonNode after = await().atMost(Duration.ofSeconds(30)).until(
                    () -> entry(api.get("/api/v1/rankings/TOWNSHIP", viewer()).json(), unit),
                    e -> e.get("penalties").isEmpty());
            assertThat(after.get("changes").findValuesAsString("component")).contains("OPEN_RED_NOTICE");
            assertThat(after.get("changes").findValuesAsString("cause")).allMatch(c -> c.equals("P:" + p.code));
        }
    }

    @Test
    void aYellowNoticeLeftPastItsDeadlineBecomesOverdueAndEscalatesToRed() {
        clock.setDay(LocalDate.of(2026, 3, 4));
        String unit = unique("TS");
        // Planned start 2026-03-01: 3 days late → yellow (1–30 days). February's report is due on 03-05.
        Inputs.Project p = new Inputs.Project(unique("P"), unit, 2026, "800", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 2, 20));
        publish(REGISTRY, new UnitRegistered(unit, "测试镇" + unit, UnitKind.TOWNSHIP), 1);
        publish(REGISTRY, new ProjectRegistered(p.snapshot()), p.next());
        ApiClient api = api();
        JsonNode yellow = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/v1/projects/" + p.code + "/warning", viewer()),
                r -> r.status() == 200).json();
        assertThat(yellow.get("colour").asString()).as(yellow.toString()).isEqualTo("YELLOW");
        JsonNode notices = yellow.get("notices");
        assertThat(notices.findValuesAsString("colour")).containsExactly("YELLOW", "GREEN");
        String yellowId = notices.get(0).get("noticeId").asString();
        assertThat(notices.get(0).get("deadline").asString()).isEqualTo("2026-03-19");
        // The reminder: February's report is due in 1 day. Filing it closes the reminder by itself.
        assertThat(notices.get(1).get("reasons").get(0).get("code").asString()).isEqualTo("REPORT_DUE");
        String reminderId = notices.get(1).get("noticeId").asString();
        publish(REGISTRY, report(p, YearMonth.of(2026, 2), "0"), p.next());
        await().atMost(Duration.ofSeconds(30)).until(() -> notice(api, reminderId).get("status").asString(),
                "CLOSED"::equals);

        clock.setDay(LocalDate.of(2026, 3, 19)); // on the deadline: not yet overdue
        supervisor.sweep();
        assertThat(notice(api, yellowId).get("status").asString()).isEqualTo("ISSUED");

        clock.setDay(LocalDate.of(2026, 3, 20)); // past it: overdue, escalated at once to a red notice
        supervisor.sweep();
        JsonNode escalated = notice(api, yellowId);
        assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");
        assertThat(escalated.get("trail").findValuesAsString("action"))
                .containsExactly("ISSUE", "MARK_OVERDUE", "ESCALATE");
        String redId = escalated.get("escalatedTo").asString();
        JsonNode red = notice(api, redId);
        assertThat(red.get("colour").asString()).isEqualTo("RED");
        assertThat(red.get("escalatedFrom").asString()).isEqualTo(yellowId);
        assertThat(red.get("deadline").asString()).isEqualTo("2026-03-27");
        JsonNode warning = api.get("/api/v1/projects/" + p.code + "/warning", viewer()).json();
        assertThat(warning.get("colour").asString()).isEqualTo("RED");
        assertThat(warning.get("reasons").findValuesAsString("code")).contains("SUPERVISION_OVERDUE");
        // Only one open notice per colour, however often the sweep runs.
        supervisor.sweep();
        supervisor.sweep();
        JsonNode open = api.get("/api/v1/notices?open=true&unit=" + unit, viewer()).json();
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).get("noticeId").asString()).isEqualTo(redId);
    }

    private static JsonNode notice(ApiClient api, String id) {
        return api.get("/api/v1/notices/" + id, viewer()).json();
    }

    static JsonNode entry(JsonNode ranking, String unit) {
        for (JsonNode u : ranking.path("units")) {
            if (unit.equals(u.get("unitCode").asString())) {
                return u;
            }
        }
        return null;
    }

    static ProgressReported report(Inputs.Project p, YearMonth period, String amount) {
        return new ProgressReported(p.code, p.unitCode, period, 1, new BigDecimal(amount), BigDecimal.ZERO,
                new BigDecimal(amount), true, "主体施工", 20, 0, "system-" + p.unitCode, false,
                period.plusMonths(1).atDay(3));
    }
}
