package gov.keyproject.statistics.project;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.EventCodec;
import gov.keyproject.contracts.Topics;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.devstack.TopicReader;
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
 * Registry events in, over the real broker → figures out: a correction moves the YTD by the difference, and every
 * event delivered twice (plus a stale one) gives the same figures as delivering each once.
 */
class ProjectFiguresApiTest extends StatisticsIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void reportsAndCorrectionsBecomeFiguresAndDuplicatesChangeNothing() throws Exception {
        String unit = uniqueCode("U");
        String code = uniqueCode("P");
        ProjectSnapshot project = snapshot(code, unit);
        byte[] registered = envelope(new ProjectRegistered(project), 1);
        byte[] march = envelope(report(code, unit, "2026-03", 1, "100.00", null), 2);
        byte[] marchCorrected = envelope(report(code, unit, "2026-03", 2, "150.00", "100.00"), 3);
        byte[] april = envelope(report(code, unit, "2026-04", 1, "50.00", null), 4);
        byte[] last = envelope(new ProjectChanged(project, List.of("owner")), 5);

        send(code, registered, registered, march, march, marchCorrected, marchCorrected, april, march, april, last);
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(code) == 5);

        String token = servers.token("viewer", null, Role.VIEWER);
        JsonNode projects = api().get("/api/v1/figures/projects?period=2026-04&unit=" + unit, token).json();
        assertThat(projects.size()).isEqualTo(1);
        JsonNode p = projects.get(0);
        assertThat(p.get("counted").asBoolean()).isTrue();
        // C = 150 (corrected March) + 50 (April) = 200; P = 1200; c = 16.67 %; t = 4/12 = 33.33 %; d = −16.67 points
        assertThat(p.get("ytdCompleted").decimalValue()).isEqualByComparingTo("200");
        assertThat(p.get("monthCompleted").decimalValue()).isEqualByComparingTo("50");
        assertThat(p.get("completionRate").get("display").asString()).isEqualTo("16.67%");
        assertThat(p.get("timeProgress").get("display").asString()).isEqualTo("33.33%");
        assertThat(p.get("lagPoints").asString()).isEqualTo("-16.67");

        JsonNode units = api().get("/api/v1/figures?period=2026-04&dimension=UNIT", token).json();
        JsonNode group = null;
        for (JsonNode g : units) {
            if (unit.equals(g.get("key").asString())) {
                group = g;
            }
        }
        assertThat(group).isNotNull();
        assertThat(group.get("ytdCompleted").decimalValue()).isEqualByComparingTo("200");
        assertThat(group.get("completionRate").get("display").asString()).isEqualTo("16.67%");
        // Planned to start 2026-03-01 but not started by E: 开工率 0 of 1; no continued project: 复工率 "—".
        assertThat(group.get("startRate").get("display").asString()).isEqualTo("0.00%");
        assertThat(group.get("resumeRate").get("display").asString()).isEqualTo("—");

        // The same figures as the office's printable table.
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                download("/api/v1/figures/export?period=2026-04", token)))) {
            assertThat(workbook.getSheet("汇总").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("2026年4月重点项目投资完成情况统计表（全部）");
            var projectsSheet = workbook.getSheet("项目明细");
            org.apache.poi.ss.usermodel.Row row = null;
            for (org.apache.poi.ss.usermodel.Row r : projectsSheet) {
                if (r.getRowNum() > 1 && code.equals(r.getCell(1).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(200.0);
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo("16.67%");
            assertThat(workbook.getSheet("按责任单位")).isNotNull();
        }
    }

    private byte[] download(String path, String token) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPeriodWithNoReportCountsZeroAndUnknownParametersAreRefused() {
        String unit = uniqueCode("U");
        String code = uniqueCode("P");
        send(code, envelope(new ProjectRegistered(snapshot(code, unit)), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> lastSequence(code) == 1);
        String token = servers.token("viewer", null, Role.VIEWER);
        JsonNode p = api().get("/api/v1/figures/projects?period=2026-01&unit=" + unit, token).json().get(0);
        assertThat(p.get("ytdCompleted").decimalValue()).isEqualByComparingTo("0");
        assertThat(p.get("timeProgress").get("display").asString()).isEqualTo("8.33%");

        var bad = api().get("/api/v1/figures?period=2026-13", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        assertThat(api().get("/api/v1/figures?dimension=PROVINCE", token).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/figures", null).status()).isEqualTo(401);
    }

    private long lastSequence(String code) {
        Document d = mongo.findById(code, Document.class, "projects");
        return d == null ? 0 : d.get("lastSequence", Number.class).longValue();
    }

    private static ProjectSnapshot snapshot(String code, String unit) {
        return new ProjectSnapshot(code, "城东污水处理厂提标改造", ProjectCategory.ECOLOGY, ProjectLevel.COUNTY,
                ConstructionType.NEW, new BigDecimal("3000.00"), Map.of(2026, new BigDecimal("1200.00")),
                LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31), "城关镇", unit, "王副县长", "县水务公司", null,
                ProjectPhase.READY, LocalDate.of(2026, 1, 5), null, null, List.of(), List.of());
    }

    private static ProgressReported report(String code, String unit, String period, int revision, String amount,
                                           String previous) {
        BigDecimal now = new BigDecimal(amount);
        BigDecimal before = previous == null ? null : new BigDecimal(previous);
        return new ProgressReported(code, unit, YearMonth.parse(period), revision, now, before,
                before == null ? now : now.subtract(before), true, "管网铺设", 20, 0, "system@" + unit, false,
                LocalDate.of(2026, 5, 3));
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
