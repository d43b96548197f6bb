package gov.keyproject.reliability;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.EventEnvelope;
import gov.keyproject.contracts.EventType;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 4. Each producing service crashes between its state write and the publish: it runs with its outbox relay off,
 * accepts a change (state and event written together), is killed (-9) and started normally. The change reaches the
 * topic once and takes effect downstream once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(4) // the heavy ones last: the test store has no secondary indexes
class PublishCrashTest {

    private static final Cluster cluster = Cluster.get();
    private static final County county = new County("PUB", 1, 3, List.of(County.JUNE));
    private static final Map<String, String> NO_RELAY = Map.of("KEYPROJECT_OUTBOX_ENABLED", "false");

    @BeforeAll
    static void county() {
        county.register(cluster);
        county.file(cluster, county.filings(), 100, batch -> { });
        county.start(cluster);
        county.awaitAgreement(cluster, Duration.ofMinutes(4));
    }

    /** The change is written with its event but not published; then the process dies and comes back. */
    private static void crashAfterWrite(Service service, Runnable change) {
        cluster.restart(service, NO_RELAY);
        change.run();
        cluster.kill(service);
        cluster.start(service, Map.of()).awaitReady(Duration.ofSeconds(180));
    }

    private static List<EventEnvelope> events(EventType type, String key, Predicate<EventEnvelope> which) {
        return cluster.records(List.of(type.topic()), key::equals).stream().map(r -> EventCodec.decode(r.value()))
                .filter(e -> type.type().equals(e.type())).filter(which).toList();
    }

    @Test
    @Order(1)
    void registry() {
        String code = "PUB-U0-P0";
        Predicate<EventEnvelope> revision2 = e -> e.data().path("revision").asInt() == 2;
        crashAfterWrite(Service.PROJECT_REGISTRY, () -> {
            County.expect(cluster.api(Service.PROJECT_REGISTRY).put("/api/v1/projects/" + code + "/reports/2026-06",
                    cluster.operator(), Map.of("investmentCompleted", 700, "workUnderWay", true)), 200);
            assertThat(events(EventType.PROGRESS_REPORTED, code, revision2)).as("not published yet").isEmpty();
        });
        county.completed.put(code, new BigDecimal("700"));
        county.awaitAgreement(cluster, Duration.ofMinutes(4));
        assertThat(events(EventType.PROGRESS_REPORTED, code, revision2)).hasSize(1);
        Results.record("4a. Crash before publish: registry", "a correction (revision 2) written, registry killed -9 "
                + "with the relay off, restarted: 1 event on the topic; statistics' figure and assessment's score "
                + "moved once (oracle agrees)");
    }

    @Test
    @Order(2)
    void statistics() {
        crashAfterWrite(Service.INVESTMENT_STATISTICS, () -> {
            ApiClient.Response closed = cluster.api(Service.INVESTMENT_STATISTICS)
                    .post("/api/v1/periods/2026-01/close", cluster.operator(), Map.of());
            assertThat(closed.status()).as(closed.body()).isBetween(200, 201);
            assertThat(events(EventType.PERIOD_CLOSED, "2026-01", e -> true)).as("not published yet").isEmpty();
        });
        ApiClient assessment = cluster.api(Service.ASSESSMENT);
        await().atMost(Duration.ofMinutes(2)).until(() ->
                assessment.get("/api/v1/bulletins/2026-01", cluster.operator()).status() == 200);
        assertThat(events(EventType.PERIOD_CLOSED, "2026-01", e -> true)).hasSize(1);
        long bulletins = 0;
        for (JsonNode b : assessment.get("/api/v1/bulletins", cluster.operator()).json()) {
            bulletins += b.toString().contains("2026-01") ? 1 : 0;
        }
        assertThat(bulletins).isEqualTo(1);
        Results.record("4b. Crash before publish: statistics", "January closed, statistics killed -9 with the "
                + "relay off, restarted: 1 PeriodClosed on the topic; assessment froze 1 bulletin for 2026-01");
    }

    @Test
    @Order(3)
    void promotion() {
        String zone = "PUB-ZONE";
        String deal = "PUB-D1";
        String staff = cluster.token("staff-pub", zone, Role.PROMOTION_STAFF);
        ApiClient promotion = cluster.api(Service.INVESTMENT_PROMOTION);
        ApiClient registry = cluster.api(Service.PROJECT_REGISTRY);
        County.expect(registry.post("/api/v1/units", cluster.operator(),
                Map.of("code", zone, "name", "经开区" + zone, "kind", "DEVELOPMENT_ZONE")), 201);
        await().atMost(Duration.ofMinutes(1)).until(() -> promotion.post("/api/v1/deals", staff, Map.of("id", deal,
                "company", "某某新材料有限公司", "industry", "新材料", "source", Map.of("kind", "FAIR", "fairName", "青洽会"),
                "intendedInvestment", 20000, "unitCode", zone, "registeredOn", "2026-03-01")).status() == 201);
        County.expect(promotion.post("/api/v1/deals/" + deal + "/signing", staff,
                Map.of("agreedAmount", 20000, "signedOn", "2026-04-01")), 200);
        crashAfterWrite(Service.INVESTMENT_PROMOTION, () -> {
            County.expect(cluster.api(Service.INVESTMENT_PROMOTION).post("/api/v1/deals/" + deal + "/landing", staff,
                    Map.of("landedOn", "2026-07-01", "projectName", "新材料产业园", "category", "INDUSTRIAL")), 200);
            assertThat(events(EventType.DEAL_LANDED, deal, e -> true)).as("not published yet").isEmpty();
        });
        await().atMost(Duration.ofMinutes(2))
                .until(() -> registry.get("/api/v1/projects/ZS-" + deal, cluster.operator()).status() == 200);
        assertThat(events(EventType.DEAL_LANDED, deal, e -> true)).hasSize(1);
        JsonNode projects = registry.get("/api/v1/projects?unit=" + zone, cluster.operator()).json();
        assertThat(projects).hasSize(1);
        Results.record("4c. Crash before publish: promotion", "a landing written, promotion killed -9 with the "
                + "relay off, restarted: 1 DealLanded on the topic; the registry created exactly 1 project from it");
    }

    @Test
    @Order(4)
    void assessment() {
        String code = "PUB-U0-P1"; // yellow: it has an open yellow notice
        String unitSystem = cluster.token("system-pub", "PUB-U0", Role.UNIT_SYSTEM);
        JsonNode warning = cluster.api(Service.ASSESSMENT).get("/api/v1/projects/" + code + "/warning",
                cluster.operator()).json();
        String notice = warning.get("notices").get(0).get("noticeId").asString();
        Predicate<EventEnvelope> acknowledged = e -> "ACKNOWLEDGED".equals(e.data().path("notice").path("status")
                .asString());
        crashAfterWrite(Service.ASSESSMENT, () -> {
            County.expect(cluster.api(Service.ASSESSMENT).post("/api/v1/notices/" + notice + "/acknowledge",
                    unitSystem, Map.of("text", "已领办")), 200);
            assertThat(events(EventType.NOTICE_CHANGED, code, acknowledged)).as("not published yet").isEmpty();
        });
        await().atMost(Duration.ofMinutes(2)).until(() -> events(EventType.NOTICE_CHANGED, code, acknowledged)
                .size() == 1);
        ApiClient console = cluster.api(Service.CONSOLE);
        await().atMost(Duration.ofMinutes(1)).until(() -> console.get("/console/api/events?project=" + code, null)
                .body().contains("ACKNOWLEDGED"));
        assertThat(events(EventType.NOTICE_CHANGED, code, acknowledged)).hasSize(1);
        Results.record("4d. Crash before publish: assessment", "a notice acknowledged, assessment killed -9 with the "
                + "relay off, restarted: 1 NoticeChanged on the topic, seen by the console's event stream");
    }
}
