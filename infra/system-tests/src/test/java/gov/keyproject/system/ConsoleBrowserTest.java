package gov.keyproject.system;

import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.statistics.InvestmentEntered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.devstack.Ports;
import gov.keyproject.devstack.ServiceProcess;
import gov.keyproject.devstack.ServiceProcess.Service;
import gov.keyproject.devstack.TestServers;
import gov.keyproject.devstack.TopicReader;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console in headless Chromium on the running system (four services and the console, each its own process, on
 * the real broker): it shows the ranking; a report filed at the registry appears in the live stream and moves the
 * ranking with its explanation; a dead-lettered feed record is seen, sent back after the fix and takes effect once;
 * with the statistics service killed the console still loads and names the panel that is unavailable.
 * Screenshots of the main pages go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final TestServers servers = TestServers.get();
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
    private static final String OPERATOR = servers.token("operator-console", null, Role.OPERATOR);
    private static final String TODAY = "2026-03-04";
    private static final YearMonth PERIOD = YearMonth.of(2026, 2);
    private static final Duration SOON = Duration.ofSeconds(60);

    private static final List<ServiceProcess> running = new ArrayList<>();
    private static ServiceProcess registry;
    private static ServiceProcess statistics;
    private static ServiceProcess assessment;
    private static ServiceProcess console;
    private static Browser browser;

    private static final String UNIT_A = "TS-A" + RUN;
    private static final String UNIT_B = "TS-B" + RUN;
    private static final String PROJECT_A = "CON-A-" + RUN;
    private static final String PROJECT_B = "CON-B-" + RUN;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver are needed (.ci/run installs "
                + "them: apt-get install chromium chromium-driver)").isTrue();
        Path logs = Files.createTempDirectory("keyproject-console-");
        // The registry runs in February (projects registered then count for February), the rest on 4 March.
        registry = start(Service.PROJECT_REGISTRY, "e2e-con-registry-" + RUN, logs,
                Map.of("KEYPROJECT_TODAY", "2026-02-20"));
        statistics = start(Service.INVESTMENT_STATISTICS, "e2e-con-statistics-" + RUN, logs, Map.of());
        ServiceProcess promotion = start(Service.INVESTMENT_PROMOTION, "e2e-con-promotion-" + RUN, logs, Map.of());
        assessment = start(Service.ASSESSMENT, "e2e-con-assessment-" + RUN, logs, Map.of());
        for (ServiceProcess p : List.copyOf(running)) {
            p.awaitReady(Duration.ofSeconds(180));
        }
        console = start(Service.CONSOLE, null, logs, Map.of(
                "REGISTRY_URL", registry.baseUrl(), "STATISTICS_URL", statistics.baseUrl(),
                "PROMOTION_URL", promotion.baseUrl(), "ASSESSMENT_URL", assessment.baseUrl(),
                "CONSOLE_SERVICE_TOKEN", OPERATOR));
        console.awaitReady(Duration.ofSeconds(120));

        ApiClient api = new ApiClient(registry.baseUrl());
        for (String[] unit : new String[][]{{UNIT_A, "城关镇" + RUN}, {UNIT_B, "东岗镇" + RUN}}) {
            var created = api.post("/api/v1/units", OPERATOR, Map.of("code", unit[0], "name", unit[1],
                    "kind", "TOWNSHIP"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        register(api, PROJECT_A, UNIT_A, "城关新型建材产业园");
        register(api, PROJECT_B, UNIT_B, "东岗冷链物流中心");
        ApiClient assessmentApi = new ApiClient(assessment.baseUrl());
        await().atMost(SOON).until(() -> {
            var r = assessmentApi.get("/api/v1/rankings/TOWNSHIP", OPERATOR);
            return r.status() == 200 && r.body().contains(UNIT_A) && r.body().contains(UNIT_B);
        });
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        running.forEach(ServiceProcess::stop);
    }

    @Test
    @Order(1)
    void theRankingShowsAndAReportFiledAtTheRegistryAppearsLiveAndMovesIt() throws Exception {
        browser.open(console.baseUrl() + "/#/rankings");
        String row = "#ranking-TOWNSHIP tr[data-unit='" + UNIT_A + "']";
        browser.element(row, SOON);
        String scoreBefore = browser.text(row + " .score");
        assertThat(browser.text("#ranking-TOWNSHIP")).contains("考核期 2026-02").contains("城关镇" + RUN);
        browser.screenshot("1-rankings");

        browser.open(console.baseUrl() + "/#/stream?unit=" + UNIT_A);
        browser.until(SOON, d -> String.valueOf(browser.text("#stream-state")).contains("已连接"));
        String unitSystem = servers.token("system-" + UNIT_A, UNIT_A, Role.UNIT_SYSTEM);
        var filed = new ApiClient(registry.baseUrl()).put("/api/v1/projects/" + PROJECT_A + "/reports/" + PERIOD,
                unitSystem, Map.of("investmentCompleted", 300, "workUnderWay", true, "imageProgress", "场地平整完成",
                        "imageProgressPercent", 5));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        WebElement live = browser.element("#events li.fresh[data-type='ProgressReported'][data-project='"
                + PROJECT_A + "']", Duration.ofSeconds(30));
        assertThat(live.getText()).contains(PROJECT_A).contains(UNIT_A);
        browser.screenshot("2-live-stream");

        // The report's trace id, from the registry's answer, is on the event and in every service's log.
        String traceId = filed.headers().firstValue("traceparent").orElseThrow().substring(3, 35);
        assertThat(live.getText()).contains("trace " + traceId.substring(0, 8));
        for (ServiceProcess p : List.of(registry, statistics, assessment)) {
            await().atMost(SOON).until(() -> Files.readString(p.log()).contains("[" + traceId + "]"));
        }

        browser.open(console.baseUrl() + "/#/rankings");
        browser.until(SOON, d -> {
            String explanation = browser.text(row + " .explanation");
            return explanation != null && explanation.contains(PROJECT_A)
                    && !scoreBefore.equals(browser.text(row + " .score"));
        });
        assertThat(browser.text(row + " .explanation")).contains("投资完成");
        browser.screenshot("3-rankings-after-report");

        // Metrics: the time from the report accepted to the ranking updated, and every group's consumer lag.
        String metrics = new ApiClient(assessment.baseUrl()).get("/actuator/prometheus", OPERATOR).body();
        assertThat(metrics).containsPattern("keyproject_pipeline_accepted_to_ranking_seconds_count(\\{[^}]*})? [1-9]")
                .containsPattern("spring_cloud_stream_binder_kafka_offset\\{[^}]*group=\"assessment\"[^}]*} ");

        browser.open(console.baseUrl() + "/#/warnings");
        browser.element("#warnings table", SOON);
        assertThat(browser.text("#warnings")).contains(PROJECT_B);
        browser.screenshot("4-warnings");
        browser.open(console.baseUrl() + "/#/notices");
        browser.element("#notices table", SOON);
        assertThat(browser.text("#notices")).contains(PROJECT_B);
        browser.screenshot("5-notices");
        browser.open(console.baseUrl() + "/#/project/" + PROJECT_A);
        browser.until(SOON, d -> {
            String reports = browser.text("#project-reports");
            return reports != null && reports.contains("2026-02");
        });
        browser.screenshot("6-project");
        browser.open(console.baseUrl() + "/#/charts");
        browser.element("#completion-chart canvas", SOON);
        browser.element("#funnel-chart canvas", SOON);
        browser.screenshot("7-charts");
    }

    @Test
    @Order(2)
    void aDeadLetteredFeedRecordIsSeenSentBackAfterTheFixAndTakesEffectOnce() throws Exception {
        String late = "CON-LATE-" + RUN;
        try (TopicReader dlq = new TopicReader(servers.kafkaBootstrap(),
                List.of(Topics.deadLetter(Topics.STATISTICS_FEED, "investment-statistics")))) {
            // The statistics bureau enters an amount for a project the registry does not have yet.
            TopicReader.send(servers.kafkaBootstrap(), Topics.STATISTICS_FEED, List.of(Map.entry(late,
                    EventCodec.encode(EventCodec.wrap(new InvestmentEntered(late, PERIOD, new BigDecimal("150.00")),
                            "/keyproject/statistics-bureau", 1, Instant.now(), null, null)))));
            await().atMost(SOON).until(() -> dlq.poll().stream().anyMatch(r -> late.equals(r.key())));
        }
        browser.open(console.baseUrl() + "/#/dead-letters");
        String row = "#dead-letters tr[data-key='" + late + "']";
        browser.element(row, SOON);
        assertThat(browser.text(row)).contains("statistics.feed.v1").contains("investment-statistics")
                .contains("不在项目库");
        browser.screenshot("8-dead-letters");

        // The fix: the project is registered; then the operator sends the record back.
        register(new ApiClient(registry.baseUrl()), late, UNIT_B, "东岗补录项目");
        ApiClient statisticsApi = new ApiClient(statistics.baseUrl());
        await().atMost(SOON).until(() -> statisticsApi.get("/api/v1/figures/projects?period=" + PERIOD + "&unit="
                + UNIT_B, OPERATOR).body().contains(late));
        browser.element(row + " button.resend", SOON).click();
        browser.until(SOON, d -> {
            String text = browser.text(row);
            return text != null && text.contains("重新发送") && browser.all(row + " button.resend").isEmpty();
        });

        JsonNode entries = await().atMost(SOON).until(() -> statisticsApi.get("/api/v1/feed/entries?project=" + late,
                OPERATOR).json(), e -> e.size() > 0);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("amountEntered").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(entries.get(0).get("revisions").size()).isEqualTo(1);
        String id = browser.all(row).get(0).getAttribute("data-id");
        ApiClient consoleApi = new ApiClient(console.baseUrl());
        assertThat(consoleApi.post("/console/api/dead-letters/" + id + "/resend", null, null).status())
                .isEqualTo(409);
    }

    @Test
    @Order(3)
    void withStatisticsKilledTheConsoleStillLoadsAndNamesTheUnavailablePanel() throws Exception {
        statistics.kill();
        browser.open(console.baseUrl() + "/#/charts");
        WebElement unavailable = browser.element("#chart-completion [data-unavailable='statistics']", SOON);
        assertThat(unavailable.getText()).contains("投资统计服务暂不可用");
        browser.element("#funnel-chart canvas", SOON);
        browser.screenshot("9-statistics-down");
        browser.open(console.baseUrl() + "/#/rankings");
        browser.element("#ranking-TOWNSHIP tr[data-unit='" + UNIT_A + "']", SOON);
    }

    private static void register(ApiClient api, String code, String unit, String name) {
        Map<String, Object> project = new HashMap<>(Map.of("code", code, "name", name,
                "category", "INDUSTRIAL", "level", "COUNTY", "constructionType", "NEW", "totalInvestment", 3600,
                "plannedInvestment", Map.of("2026", 1200), "plannedStart", "2026-02-01",
                "plannedCompletion", "2027-12-31", "township", "城关镇"));
        project.putAll(Map.of("unitCode", unit, "linkedLeader", "李副县长", "owner", "县城投公司", "phase", "READY"));
        var registered = api.post("/api/v1/projects", OPERATOR, project);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    private static ServiceProcess start(Service service, String database, Path logs, Map<String, String> extra)
            throws Exception {
        Map<String, String> env = ServiceEnvironment.of(servers, database);
        env.put("KEYPROJECT_TODAY", TODAY);
        // Each request and each handled event as a log line with its trace id (DEBUG, off in production).
        env.put("LOGGING_LEVEL_GOV_KEYPROJECT_PLATFORM_WEB", "DEBUG");
        env.put("LOGGING_LEVEL_GOV_KEYPROJECT_PLATFORM_CONSUMER", "DEBUG");
        env.putAll(extra);
        ServiceProcess p = ServiceProcess.start(ROOT, service, Ports.free(), env,
                logs.resolve(service.name().toLowerCase() + ".log"));
        running.add(p);
        return p;
    }
}
