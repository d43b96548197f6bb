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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 招商 and 项目库 in both directions, as separate processes on the real broker: a deal lands → the registry has exactly
 * one project linked to it → the project starts in the registry → the deal is STARTED, with no call between them.
 */
class DealToProjectTest {

    private static final TestServers servers = TestServers.get();
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
    private static final String OPERATOR = servers.token("operator-e2e", null, Role.OPERATOR);

    private static ServiceProcess registry;
    private static ServiceProcess promotion;

    @BeforeAll
    static void start() throws Exception {
        Path logs = Files.createTempDirectory("keyproject-e2e-deals-");
        registry = ServiceProcess.start(ROOT, Service.PROJECT_REGISTRY, Ports.free(), env("e2e-deal-registry-" + RUN),
                logs.resolve("registry.log"));
        promotion = ServiceProcess.start(ROOT, Service.INVESTMENT_PROMOTION, Ports.free(),
                env("e2e-deal-promotion-" + RUN), logs.resolve("promotion.log"));
        registry.awaitReady(Duration.ofSeconds(120));
        promotion.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.stop();
        }
        if (promotion != null) {
            promotion.stop();
        }
    }

    @Test
    void aLandedDealBecomesOneProjectAndFollowsItIntoConstruction() {
        String unit = "ZN-" + RUN;
        String dealId = "D-E2E-" + RUN;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ApiClient registryApi = new ApiClient(registry.baseUrl());
        ApiClient promotionApi = new ApiClient(promotion.baseUrl());
        String staff = servers.token("staff-" + unit, unit, Role.PROMOTION_STAFF);
        String unitSystem = servers.token("system-" + unit, unit, Role.UNIT_SYSTEM);

        assertThat(registryApi.post("/api/v1/units", OPERATOR,
                Map.of("code", unit, "name", "经济开发区", "kind", "DEVELOPMENT_ZONE")).status()).isEqualTo(201);
        var registered = promotionApi.post("/api/v1/deals", staff, Map.of("id", dealId, "company", "某某新材料有限公司",
                "industry", "新材料", "source", Map.of("kind", "FAIR", "fairName", "青洽会"), "intendedInvestment", 20000,
                "unitCode", unit, "registeredOn", today.minusDays(90).toString()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(promotionApi.post("/api/v1/deals/" + dealId + "/signing", staff,
                Map.of("agreedAmount", 20000, "signedOn", today.minusDays(60).toString())).status()).isEqualTo(200);
        assertThat(promotionApi.post("/api/v1/deals/" + dealId + "/landing", staff,
                Map.of("landedOn", today.toString(), "projectName", "新材料产业园", "category", "INDUSTRIAL")).status())
                .isEqualTo(200);

        String project = "ZS-" + dealId;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> registryApi.get("/api/v1/projects/" + project, OPERATOR).status() == 200);
        var created = registryApi.get("/api/v1/projects/" + project, OPERATOR).json();
        assertThat(created.get("dealId").asString()).isEqualTo(dealId);
        assertThat(created.get("phase").asString()).isEqualTo("READY");
        assertThat(registryApi.get("/api/v1/projects?unit=" + unit, OPERATOR).json().size()).isEqualTo(1);

        var started = registryApi.post("/api/v1/projects/" + project + "/phase", unitSystem,
                Map.of("phase", "UNDER_CONSTRUCTION", "on", today.toString()));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "STARTED".equals(promotionApi.get("/api/v1/deals/" + dealId, staff).json().get("stage").asString()));
        assertThat(registryApi.get("/api/v1/projects?unit=" + unit, OPERATOR).json().size()).isEqualTo(1);
    }

    private static Map<String, String> env(String database) {
        Map<String, String> env = ServiceEnvironment.of(servers, database);
        return env;
    }
}
