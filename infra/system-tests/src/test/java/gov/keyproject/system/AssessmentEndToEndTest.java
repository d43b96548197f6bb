package gov.keyproject.system;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.Ports;
import gov.keyproject.devstack.ServiceProcess;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path, as separate processes on the real broker, driven only through public APIs: a unit's project
 * lags → assessment colours it red, issues a red notice and ranks the unit down; the unit files its report and starts
 * work at the registry → statistics moves its figures, assessment clears the reason, closes the reminder and
 * ranks the unit up with an explanation naming the project; the statistics office closes the month → the bulletin
 * is frozen and rebuilds byte for byte from the history. No service calls another.
 *
 * <p>The registry runs on 2026-02-20 and the other two on 2026-03-04 ({@code KEYPROJECT_TODAY}): the project is
 * registered in February and assessed in March, when February is the assessment period.
 */
class AssessmentEndToEndTest {

    private static final TestServers servers = TestServers.get();
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
    private static final String OPERATOR = servers.token("operator-e2e", null, Role.OPERATOR);
    private static final String VIEWER = servers.token("viewer-e2e", null, Role.VIEWER);

    private static final List<ServiceProcess> running = new java.util.ArrayList<>();
    private static ServiceProcess registry;
    private static ServiceProcess statistics;
    private static ServiceProcess assessment;

    @BeforeAll
    static void start() throws Exception {
        Path logs = Files.createTempDirectory("keyproject-e2e-assessment-");
        registry = start(Service.PROJECT_REGISTRY, "2026-02-20", "e2e-as-registry-" + RUN, logs);
        statistics = start(Service.INVESTMENT_STATISTICS, "2026-03-04", "e2e-as-statistics-" + RUN, logs);
        assessment = start(Service.ASSESSMENT, "2026-03-04", "e2e-as-assessment-" + RUN, logs);
        for (ServiceProcess p : running) {
            p.awaitReady(Duration.ofSeconds(150));
        }
    }

    @AfterAll
    static void stop() {
        running.forEach(ServiceProcess::stop);
    }

    @Test
    void aReportFiledAtTheRegistryMovesTheColourTheNoticeAndTheRankingWithItsExplanation() {
        String unit = "TS-" + RUN;
        String code = "E2E-AS-" + RUN;
        String unitSystem = servers.token("system-" + unit, unit, Role.UNIT_SYSTEM);
        ApiClient registryApi = new ApiClient(registry.baseUrl());
        ApiClient statisticsApi = new ApiClient(statistics.baseUrl());
        ApiClient assessmentApi = new ApiClient(assessment.baseUrl());

        assertThat(registryApi.post("/api/v1/units", OPERATOR,
                Map.of("code", unit, "name", "东城街道" + RUN, "kind", "TOWNSHIP")).status()).isEqualTo(201);
        Map<String, Object> project = new HashMap<>(Map.of("code", code, "name", "东城智能制造产业园",
                "category", "INDUSTRIAL", "level", "COUNTY", "constructionType", "NEW", "totalInvestment", 3600,
                "plannedInvestment", Map.of("2026", 1200), "plannedStart", "2026-02-01",
                "plannedCompletion", "2027-12-31", "township", "东城街道"));
        project.putAll(Map.of("unitCode", unit, "linkedLeader", "李副县长", "owner", "东城实业有限公司", "phase", "READY"));
        var registered = registryApi.post("/api/v1/projects", OPERATOR, project);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        // 2026-03-04: planned start 2026-02-01 passed 31 days ago without a start → red, notice, reminder.
        JsonNode red = await().atMost(Duration.ofSeconds(60)).until(
                () -> assessmentApi.get("/api/v1/projects/" + code + "/warning", VIEWER),
                r -> r.status() == 200 && r.json().get("notices").size() == 2).json();
        assertThat(red.get("colour").asString()).isEqualTo("RED");
        assertThat(red.get("reasons").findValuesAsString("code")).containsExactly("NOT_STARTED");
        assertThat(red.get("notices").findValuesAsString("colour")).containsExactly("RED", "GREEN");
        String reminder = red.get("notices").get(1).get("noticeId").asString();
        JsonNode before = await().atMost(Duration.ofSeconds(60)).until(
                () -> entry(assessmentApi.get("/api/v1/rankings/TOWNSHIP", VIEWER).json(), unit),
                e -> e != null && !e.get("penalties").isEmpty());
        assertThat(before.get("score").decimalValue()).isEqualByComparingTo("0");

        // The unit system files February's report at the registry (within the deadline).
        var filed = registryApi.put("/api/v1/projects/" + code + "/reports/2026-02", unitSystem,
                Map.of("investmentCompleted", 300, "workUnderWay", true, "imageProgress", "场地平整完成",
                        "imageProgressPercent", 5));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);

        // Statistics moves its figures; assessment closes the reminder and credits the investment to the project.
        await().atMost(Duration.ofSeconds(60)).until(() -> statisticsApi
                .get("/api/v1/figures/projects?period=2026-02&unit=" + unit, VIEWER).json().toString()
                .contains("\"ytdCompleted\":300"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(assessmentApi
                .get("/api/v1/notices/" + reminder, VIEWER).json().get("status").asString()));
        JsonNode credited = await().atMost(Duration.ofSeconds(60)).until(
                () -> entry(assessmentApi.get("/api/v1/rankings/TOWNSHIP", VIEWER).json(), unit),
                e -> e.get("changes").findValuesAsString("component").contains("INVESTMENT"));
        assertThat(credited.get("changes").get(0).get("cause").asString()).isEqualTo("P:" + code);
        assertThat(credited.get("changes").get(0).get("text").asString()).contains(code).contains("投资完成");

        // The unit starts work (on 2026-02-15): the red reason clears and 开复工率 moves, explained.
        var started = registryApi.post("/api/v1/projects/" + code + "/phase", unitSystem,
                Map.of("phase", "UNDER_CONSTRUCTION", "on", "2026-02-15"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        JsonNode green = await().atMost(Duration.ofSeconds(60)).until(
                () -> assessmentApi.get("/api/v1/projects/" + code + "/warning", VIEWER).json(),
                w -> "GREEN".equals(w.get("colour").asString()));
        assertThat(green.get("reasons").size()).isZero();
        JsonNode after = await().atMost(Duration.ofSeconds(60)).until(
                () -> entry(assessmentApi.get("/api/v1/rankings/TOWNSHIP", VIEWER).json(), unit),
                e -> e.get("changes").findValuesAsString("component").contains("START_RESUME"));
        assertThat(after.get("score").decimalValue()).isGreaterThan(credited.get("score").decimalValue());
        assertThat(after.get("changes").findValuesAsString("cause")).containsOnly("P:" + code);

        // The statistics office closes February: the bulletin freezes and rebuilds identically from the history.
        var closed = statisticsApi.post("/api/v1/periods/2026-02/close", OPERATOR, Map.of());
        assertThat(closed.status()).as(closed.body()).isBetween(200, 201);
        JsonNode bulletin = await().atMost(Duration.ofSeconds(60)).until(
                () -> assessmentApi.get("/api/v1/bulletins/2026-02", VIEWER), r -> r.status() == 200).json();
        assertThat(bulletin.get("statistics").get("projectsCounted").asInt()).isPositive();
        JsonNode rebuilt = assessmentApi.post("/api/v1/bulletins/2026-02/rebuild", OPERATOR, null).json();
        assertThat(rebuilt.get("identical").asBoolean()).as(rebuilt.toString()).isTrue();
    }

    private static JsonNode entry(JsonNode ranking, String unit) {
        for (JsonNode u : ranking.path("units")) {
            if (unit.equals(u.get("unitCode").asString())) {
                return u;
            }
        }
        return null;
    }

    private static ServiceProcess start(Service service, String today, String database, Path logs)
            throws Exception {
        Map<String, String> env = ServiceEnvironment.of(servers, database);
        env.put("KEYPROJECT_TODAY", today);
        ServiceProcess p = ServiceProcess.start(ROOT, service, Ports.free(), env,
                logs.resolve(service.name().toLowerCase() + ".log"));
        running.add(p);
        return p;
    }
}
