package gov.keyproject.statistics.period;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.statistics.ClosedPeriodAmended;
import gov.keyproject.contracts.statistics.PeriodClosed;
import gov.keyproject.contracts.statistics.ProjectFiguresUpdated;
import gov.keyproject.contracts.statistics.UnitFiguresUpdated;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.outbox.OutboxRelay;
import gov.keyproject.platform.security.Role;
import gov.keyproject.statistics.StatisticsIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registry events in → figure events out; a closed period stays frozen, and a later correction moves the live figures
 * and is recorded once as an amendment, however often it is delivered.
 */
class PeriodCloseTest extends StatisticsIntegrationTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;

    @Test
    void figuresAreEventsAndAClosedPeriodRecordsLateCorrectionsAsAmendments() {
        String unit = uniqueCode("U");
        String code = uniqueCode("P");
        String operator = servers.token("operator", null, Role.OPERATOR);
        // A period of this year that every test run may close: January (the project plans 1,200 for this year).
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        YearMonth january = YearMonth.of(year, 1);
        try (TopicReader figures = new TopicReader(servers.kafkaBootstrap(),
                List.of(Topics.STATISTICS_FIGURE_EVENTS, Topics.STATISTICS_PERIOD_EVENTS))) {
            ProjectSnapshot project = snapshot(code, unit, year);
            send(code, envelope(new ProjectRegistered(project), 1),
                    envelope(report(code, unit, january, 1, "100.00", null), 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(code) == 2);

            // The report's figures left as events: the project's and its unit's, for January.
            await().atMost(Duration.ofSeconds(30)).until(() -> data(figures, code, ProjectFiguresUpdated.class).stream()
                    .anyMatch(e -> e.period().equals(january) && e.figures().ytdCompleted().compareTo(
                            new BigDecimal("100")) == 0));
            // The unit's follow within the publication delay, gathered from its projects.
            UnitFiguresUpdated unitFigures = await().atMost(Duration.ofSeconds(30)).until(() -> data(figures, unit,
                    UnitFiguresUpdated.class).stream().filter(e -> e.period().equals(january))
                    .reduce((a, b) -> b).orElse(null), java.util.Objects::nonNull);
            assertThat(unitFigures.causedBy()).isEqualTo(code);
            assertThat(unitFigures.figures().completionRate()).isEqualByComparingTo(new BigDecimal("100")
                    .divide(new BigDecimal("1200"), java.math.MathContext.DECIMAL128));

            // Close January (once for the whole test JVM: other runs may have closed it already).
            var closed = api().post("/api/v1/periods/" + january + "/close", operator, Map.of());
            assertThat(closed.status()).isIn(201, 409);
            assertThat(api().post("/api/v1/periods/" + january + "/close", operator, Map.of()).status())
                    .isEqualTo(409);
            JsonNode frozen = api().get("/api/v1/periods/" + january, operator).json();
            String frozenTotal = frozen.get("total").toString();
            assertThat(frozenProject(frozen, code)).isEqualTo("100.00");

            // An operator's late correction for January, delivered twice.
            byte[] correction = envelope(report(code, unit, january, 2, "130.00", "100.00"), 3);
            send(code, correction, correction);
            await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(code) == 3);
            JsonNode live = api().get("/api/v1/figures/projects?period=" + january + "&unit=" + unit, operator).json();
            assertThat(live.get(0).get("ytdCompleted").decimalValue()).isEqualByComparingTo("130");

            JsonNode after = api().get("/api/v1/periods/" + january, operator).json();
            assertThat(after.get("total").toString()).isEqualTo(frozenTotal);
            List<JsonNode> amendments = new ArrayList<>();
            after.get("amendments").forEach(a -> {
                if (code.equals(a.get("projectCode").asString())) {
                    amendments.add(a);
                }
            });
            assertThat(amendments).hasSize(1);
            assertThat(amendments.get(0).get("frozenYtdCompleted").asString()).isEqualTo("100.00");
            assertThat(amendments.get(0).get("liveYtdCompleted").asString()).isEqualTo("130.00");
            await().atMost(Duration.ofSeconds(30)).until(() -> data(figures, january.toString(),
                    ClosedPeriodAmended.class).stream().anyMatch(a -> a.projectCode().equals(code)));
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
            assertThat(data(figures, january.toString(), ClosedPeriodAmended.class).stream()
                    .filter(a -> a.projectCode().equals(code))).hasSize(1);
            assertThat(data(figures, january.toString(), PeriodClosed.class)).hasSize(1);
        }
    }

    @Test
    void onlyOperatorsCloseAndNotAFuturePeriod() {
        String viewer = servers.token("viewer", null, Role.VIEWER);
        String operator = servers.token("operator", null, Role.OPERATOR);
        YearMonth thisMonth = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(api().post("/api/v1/periods/2026-01/close", viewer, Map.of()).status()).isEqualTo(403);
        var future = api().post("/api/v1/periods/" + thisMonth + "/close", operator, Map.of());
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(api().get("/api/v1/periods/1999-01", viewer).status()).isEqualTo(404);
    }

    private static String frozenProject(JsonNode period, String code) {
        for (JsonNode p : period.get("projects")) {
            if (code.equals(p.get("projectCode").asString())) {
                return p.get("ytdCompleted").asString();
            }
        }
        return null;
    }

    private long lastSequence(String code) {
        Document d = mongo.findById(code, Document.class, "projects");
        return d == null ? 0 : d.get("lastSequence", Number.class).longValue();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> data(TopicReader reader, String key, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (var r : reader.poll()) {
            if (key.equals(r.key())) {
                EventEnvelope e = EventCodec.decode(r.value());
                Object d = EventCodec.data(e);
                if (type.isInstance(d)) {
                    out.add((T) d);
                }
            }
        }
        return out;
    }

    private static ProjectSnapshot snapshot(String code, String unit, int year) {
        return new ProjectSnapshot(code, "县第二中学新建教学楼", ProjectCategory.SOCIAL, ProjectLevel.COUNTY,
                ConstructionType.NEW, new BigDecimal("3000.00"), Map.of(year, new BigDecimal("1200.00")),
                LocalDate.of(year, 3, 1), LocalDate.of(year + 1, 8, 31), "城关镇", unit, "赵副县长", "县教体局", null,
                ProjectPhase.READY, LocalDate.of(year, 1, 2), null, null, List.of(), List.of());
    }

    private static ProgressReported report(String code, String unit, YearMonth period, int revision, String amount,
                                           String previous) {
        BigDecimal now = new BigDecimal(amount);
        BigDecimal before = previous == null ? null : new BigDecimal(previous);
        return new ProgressReported(code, unit, period, revision, now, before,
                before == null ? now : now.subtract(before), true, "基础施工", 10, 0, "system@" + unit,
                revision > 1, period.plusMonths(1).atDay(3));
    }

    private static byte[] envelope(DomainEvent event, long sequence) {
        return EventCodec.encode(EventCodec.wrap(event, "/keyproject/project-registry", sequence, Instant.now(),
                null, null));
    }

    private static void send(String key, byte[]... values) {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (byte[] v : values) {
            records.add(Map.entry(key, v));
        }
        TopicReader.send(servers.kafkaBootstrap(), Topics.REGISTRY_PROJECT_EVENTS, records);
    }
}
