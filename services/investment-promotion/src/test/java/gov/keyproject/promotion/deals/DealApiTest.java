package gov.keyproject.promotion.deals;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.outbox.OutboxRelay;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The 招商 pipeline on the real broker and store: events out through the outbox, the registry's phases in. */
class DealApiTest extends PromotionIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Test
    void aDealIsSignedAndLandedAndFollowsItsProjectOnce() {
        String unit = code("ZN");
        String staff = servers.token("staff-" + unit, unit, Role.PROMOTION_STAFF);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String id = register(unit, staff, today.minusDays(60));
        try (TopicReader deals = new TopicReader(servers.kafkaBootstrap(), List.of(Topics.PROMOTION_DEAL_EVENTS))) {
            assertThat(api().post("/api/v1/deals/" + id + "/signing", staff,
                    Map.of("agreedAmount", 30000, "signedOn", today.minusDays(30).toString())).status()).isEqualTo(200);
            assertThat(api().post("/api/v1/deals/" + id + "/funds", staff,
                    Map.of("arrivedOn", today.minusDays(10).toString(), "amount", 5000)).status()).isEqualTo(200);
            var landed = api().post("/api/v1/deals/" + id + "/landing", staff,
                    Map.of("landedOn", today.toString(), "projectName", "智能装备制造基地", "category", "INDUSTRIAL"));
            assertThat(landed.status()).as(landed.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> events(deals, id).stream()
                    .anyMatch(e -> e.type().equals("gov.keyproject.promotion.DealLanded.v1")));
            DealLanded event = EventCodec.data(events(deals, id).stream()
                    .filter(e -> e.type().equals("gov.keyproject.promotion.DealLanded.v1")).findFirst().orElseThrow());
            assertThat(event.projectCode()).isEqualTo("ZS-" + id);
            assertThat(event.agreedInvestment()).isEqualByComparingTo("30000");

            // The registry's project linked to the deal starts: delivered twice, the deal moves once.
            byte[] started = EventCodec.encode(EventCodec.wrap(new ProjectPhaseChanged(project("ZS-" + id, unit, id),
                    ProjectPhase.READY, ProjectPhase.UNDER_CONSTRUCTION, today), "/keyproject/project-registry", 2,
                    Instant.now(), null, null));
            TopicReader.send(servers.kafkaBootstrap(), Topics.REGISTRY_PROJECT_EVENTS,
                    List.of(Map.entry("ZS-" + id, started), Map.entry("ZS-" + id, started)));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    "STARTED".equals(api().get("/api/v1/deals/" + id, staff).json().get("stage").asString()));
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingCount() == 0);
            assertThat(api().get("/api/v1/deals/" + id + "/trail", staff).json().toString())
                    .containsOnlyOnce("项目库:ZS-" + id);

            var illegal = api().post("/api/v1/deals/" + id + "/landing", staff, Map.of("landedOn", today.toString()));
            assertThat(illegal.status()).isEqualTo(409);
            assertThat(illegal.json().get("currentStage").asString()).isEqualTo("STARTED");
        }
        var rates = api().get("/api/v1/deals/rates?unit=" + unit, staff);
        assertThat(rates.status()).isEqualTo(200);
    }

    @Test
    void anotherUnitsStaffAndViewersCannotWriteAndNothingChanges() {
        String unit = code("ZN");
        String staff = servers.token("staff-" + unit, unit, Role.PROMOTION_STAFF);
        String id = register(unit, staff);
        String other = servers.token("staff-x", code("TS"), Role.PROMOTION_STAFF);
        String viewer = servers.token("viewer", null, Role.VIEWER);
        Map<String, Object> sign = Map.of("agreedAmount", 100, "signedOn", "2026-01-05");
        for (String token : List.of(other, viewer)) {
            var r = api().post("/api/v1/deals/" + id + "/signing", token, sign);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api().post("/api/v1/deals/" + id + "/signing", null, sign).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/deals/" + id, staff).json().get("stage").asString()).isEqualTo("NEGOTIATING");
        assertThat(api().get("/api/v1/deals/" + id, other).status()).isEqualTo(403);
        var bad = api().post("/api/v1/deals/" + id + "/signing", staff, Map.of("agreedAmount", -1, "signedOn",
                "2026-01-05"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("agreedAmount");
    }

    @Test
    void aDealSignedMoreThan180DaysAgoAndNotLandedIsFlaggedOnce() {
        String unit = code("ZN");
        String staff = servers.token("staff-" + unit, unit, Role.PROMOTION_STAFF);
        String operator = servers.token("operator", null, Role.OPERATOR);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String id = register(unit, staff, today.minusDays(300));
        assertThat(api().post("/api/v1/deals/" + id + "/signing", staff,
                Map.of("agreedAmount", 8000, "signedOn", today.minusDays(181).toString())).status()).isEqualTo(200);

        assertThat(api().post("/api/v1/deals/paper-sweep", operator, Map.of()).json().toString()).contains(id);
        assertThat(api().post("/api/v1/deals/paper-sweep", operator, Map.of()).json().toString()).doesNotContain(id);
        assertThat(api().get("/api/v1/deals/" + id, staff).json().get("paperFlaggedOn").asString())
                .isEqualTo(today.toString());
        assertThat(api().post("/api/v1/deals/paper-sweep", staff, Map.of()).status()).isEqualTo(403);
    }

    private String register(String unit, String staff) {
        return register(unit, staff, null);
    }

    private String register(String unit, String staff, LocalDate registeredOn) {
        String id = code("D");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "company", "某某智能科技有限公司",
                "industry", "高端装备", "source", Map.of("kind", "VISIT"), "intendedInvestment", 30000, "unitCode", unit,
                "contacts", List.of(Map.of("name", "张经理", "phone", "13800000000"))));
        if (registeredOn != null) {
            body.put("registeredOn", registeredOn.toString());
        }
        var r = api().post("/api/v1/deals", staff, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private List<EventEnvelope> events(TopicReader reader, String key) {
        return reader.poll().stream().filter(r -> key.equals(r.key())).map(r -> EventCodec.decode(r.value())).toList();
    }

    private static ProjectSnapshot project(String code, String unit, String dealId) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return new ProjectSnapshot(code, "智能装备制造基地", ProjectCategory.INDUSTRIAL, ProjectLevel.COUNTY,
                ConstructionType.NEW, new BigDecimal("30000.00"), Map.of(), null, null, null, unit, null, null, dealId,
                ProjectPhase.UNDER_CONSTRUCTION, today, today, null, List.of(), List.of());
    }

    private static String code(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
