package gov.keyproject.system;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.DemoCounty;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo county, loaded into the four services through their public APIs, is what the local stack promises: 25
 * units in three sequences, 120 projects, 30 deals; assessment colours the projects as the loader intends (about a
 * quarter red or yellow, each with its notice, and no notice left behind on a green project by the loading order)
 * and ranks every unit of every sequence; a second load changes nothing.
 *
 * <p>The registry runs on 2026-09-20 and the other services on 2026-10-12 ({@code KEYPROJECT_TODAY}): the projects
 * are registered within the assessment period 2026-09, so they count in it (DOMAIN §3), as the local stack arranges
 * on a fresh start.
 */
class DemoCountyTest {

    private static final TestServers servers = TestServers.get();
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
    private static final String VIEWER = servers.token("viewer-demo", null, Role.VIEWER);
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 12);

    private static final List<ServiceProcess> running = new ArrayList<>();
    private static ServiceProcess registry;
    private static ServiceProcess statistics;
    private static ServiceProcess promotion;
    private static ServiceProcess assessment;

    @BeforeAll
    static void start() throws Exception {
        Path logs = Files.createTempDirectory("keyproject-demo-county-");
        registry = start(Service.PROJECT_REGISTRY, DemoCounty.registrationDay(TODAY).minusDays(10).toString(), logs);
        statistics = start(Service.INVESTMENT_STATISTICS, TODAY.toString(), logs);
        promotion = start(Service.INVESTMENT_PROMOTION, TODAY.toString(), logs);
        assessment = start(Service.ASSESSMENT, TODAY.toString(), logs);
        for (ServiceProcess p : running) {
            p.awaitReady(Duration.ofSeconds(150));
        }
    }

    @AfterAll
    static void stop() {
        running.forEach(ServiceProcess::stop);
    }

    @Test
    void loadsACountyThatAssessmentColoursAndRanksAsIntendedAndLoadsItOnlyOnce() {
        DemoCounty demo = new DemoCounty(registry.baseUrl(), statistics.baseUrl(), promotion.baseUrl(),
                servers.devTokens(), TODAY, line -> System.out.println(LocalTime.now().withNano(0) + " " + line));
        ApiClient registryApi = new ApiClient(registry.baseUrl());
        ApiClient promotionApi = new ApiClient(promotion.baseUrl());
        ApiClient assessmentApi = new ApiClient(assessment.baseUrl());

        DemoCounty.Summary summary = demo.load();
        assertThat(summary.skipped()).isFalse();
        assertThat(summary.units()).isEqualTo(25);
        assertThat(summary.projects()).isEqualTo(120);
        assertThat(summary.deals()).isEqualTo(30);
        assertThat(summary.reports()).isGreaterThan(900);
        assertThat(summary.entries()).isPositive();

        JsonNode units = registryApi.get("/api/v1/units", VIEWER).json();
        Map<String, Integer> byKind = new TreeMap<>();
        units.forEach(u -> byKind.merge(u.get("kind").asString(), 1, Integer::sum));
        assertThat(byKind).containsExactlyInAnyOrderEntriesOf(
                Map.of("TOWNSHIP", 12, "DEPARTMENT", 9, "DEVELOPMENT_ZONE", 4));
        // Landed deals become registry projects by event, on top of the 120.
        await().atMost(Duration.ofSeconds(60)).until(
                () -> registryApi.get("/api/v1/projects", VIEWER).json().size(),
                n -> n == summary.projects() + summary.landed());
        JsonNode deals = promotionApi.get("/api/v1/deals", VIEWER).json();
        assertThat(deals.size()).isEqualTo(30);
        assertThat(deals.findValuesAsString("stage")).contains("NEGOTIATING", "SIGNED", "LANDED", "TERMINATED");

        // The loader's design: about a quarter of the coloured projects lag.
        Map<String, String> intended = demo.intendedColours();
        long lagging = intended.values().stream().filter(c -> !"GREEN".equals(c)).count();
        assertThat(intended).hasSizeGreaterThan(90);
        assertThat(intended).containsValues("RED", "YELLOW", "GREEN");
        assertThat(lagging * 100 / intended.size()).isBetween(18L, 35L);

        // Assessment, from the events alone, comes to exactly those colours.
        JsonNode warnings = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(
                () -> assessmentApi.get("/api/v1/warnings", VIEWER).json(),
                w -> colours(w).equals(intended));
        for (JsonNode w : warnings) {
            String colour = w.get("colour").asString();
            List<String> open = new ArrayList<>();
            for (JsonNode n : w.get("notices")) {
                if (!List.of("CLOSED", "ESCALATED").contains(n.get("stage").asString())
                        && !"GREEN".equals(n.get("colour").asString())) {
                    open.add(n.get("colour").asString());
                }
            }
            // A lagging project has its notice; a green one has none left over from a half-loaded state.
            assertThat(open).as(w.get("projectCode").asString() + " " + colour + " " + w.get("reasons"))
                    .isEqualTo("GREEN".equals(colour) ? List.of() : List.of(colour));
        }

        // Every unit of every sequence is ranked, with an honour and a black list.
        demo.unitsByKind().forEach((kind, codes) -> {
            JsonNode ranking = await().atMost(Duration.ofSeconds(60)).until(
                    () -> assessmentApi.get("/api/v1/rankings/" + kind, VIEWER),
                    r -> r.status() == 200 && ranked(r.json()).containsAll(codes)).json();
            assertThat(ranked(ranking)).as(kind).containsExactlyInAnyOrderElementsOf(codes);
            assertThat(ranking.get("honourList").size()).as(kind).isPositive();
            assertThat(ranking.get("blackList").size()).as(kind).isPositive();
        });

        // A second load finds units and does nothing.
        DemoCounty.Summary again = new DemoCounty(registry.baseUrl(), statistics.baseUrl(), promotion.baseUrl(),
                servers.devTokens(), TODAY, System.out::println).load();
        assertThat(again.skipped()).isTrue();
        assertThat(registryApi.get("/api/v1/units", VIEWER).json().size()).isEqualTo(25);
        assertThat(promotionApi.get("/api/v1/deals", VIEWER).json().size()).isEqualTo(30);
    }

    private static Map<String, String> colours(JsonNode warnings) {
        Map<String, String> colours = new TreeMap<>();
        warnings.forEach(w -> colours.put(w.get("projectCode").asString(), w.get("colour").asString()));
        return colours;
    }

    private static List<String> ranked(JsonNode ranking) {
        List<String> codes = new ArrayList<>();
        for (JsonNode u : ranking.path("units")) {
            if (!u.path("rank").isNull() && !u.path("rank").isMissingNode()) {
                codes.add(u.get("unitCode").asString());
            }
        }
        return codes;
    }

    private static ServiceProcess start(Service service, String today, Path logs) throws Exception {
        String database = "demo-" + service.id + "-" + RUN;
        Map<String, String> env = ServiceEnvironment.of(servers, database);
        env.put("KEYPROJECT_TODAY", today);
        ServiceProcess p = ServiceProcess.start(ROOT, service, Ports.free(), env,
                logs.resolve(service.name().toLowerCase() + ".log"));
        running.add(p);
        return p;
    }
}
