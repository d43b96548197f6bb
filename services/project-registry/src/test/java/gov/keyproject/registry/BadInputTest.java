package gov.keyproject.registry;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import static gov.keyproject.registry.RegistryFixtures.createUnit;
import static gov.keyproject.registry.RegistryFixtures.project;
import static gov.keyproject.registry.RegistryFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests to every write endpoint of the registry: wrong types, negative or over-precise amounts, future
 * or too-old periods, unknown project and unit codes, illegal phase moves, {@code $}-operator strings, oversize
 * bodies and photos. Each must be answered with a 4xx problem+json naming the offending field (a batch rejects a bad
 * item on its own, naming the field in that item's errors), and must change nothing: no stored state, no trail
 * entry, no photo blob, no event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends RegistryIntegrationTest {

    /** The request-size limit of the platform (10 MB) and the photo limit of the registry (5 MB). */
    private static final int BODY_LIMIT = 10 * 1024 * 1024;
    private static final int PHOTO_LIMIT = 5 * 1024 * 1024;
    private static final String BOUNDARY = "----keyproject-bad-input";
    static final String MULTIPART_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;

    private StateProbe probe;

    /** A fresh unit with a READY project that has this month's report and an open problem; newCode is unused. */
    record Fx(String unit, String project, String problemId, String newCode) {
    }

    enum Who { OPERATOR, UNIT }

    /**
     * One malformed request. {@code body} yields a Map (sent as JSON), a String (sent as is, as JSON), or a
     * {@link Multipart}. Status 200 means a batch that must reject an item naming {@code field}.
     */
    record Case(String name, Who who, String method, Function<Fx, String> path, Function<Fx, Object> body,
                int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Multipart(byte[] bytes) {
    }

    @BeforeAll
    void openProbe() {
        createUnit(api(), operator(), uniqueCode("BU"), "TOWNSHIP"); // the unit topic exists before the probe reads
        probe = new StateProbe(servers.kafkaBootstrap(), api(), operator(), mongo, relay);
    }

    @AfterAll
    void closeProbe() {
        probe.close();
    }

    static List<Case> cases() {
        String period = YearMonth.from(today()).toString();
        String nextMonth = YearMonth.from(today()).plusMonths(1).toString();
        String lastMonth = YearMonth.from(today()).minusMonths(1).toString();
        String tooOld = YearMonth.of(today().getYear() - 2, 12).toString();
        String tomorrow = today().plusDays(1).toString();
        String yesterday = today().minusDays(1).toString();
        String takenAt = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        String reportPath = "/reports/" + period;
        List<Case> c = new ArrayList<>();

        // 责任单位
        c.add(new Case("unit code is a $gt object", Who.OPERATOR, "POST", fx -> "/api/v1/units",
                fx -> Map.of("code", Map.of("$gt", ""), "name", "城关镇", "kind", "TOWNSHIP"), 400, "code"));
        c.add(new Case("unit code is a $where string", Who.OPERATOR, "POST", fx -> "/api/v1/units",
                fx -> Map.of("code", "$where", "name", "城关镇", "kind", "TOWNSHIP"), 400, "code"));
        c.add(new Case("unit kind unknown", Who.OPERATOR, "POST", fx -> "/api/v1/units",
                fx -> Map.of("code", fx.newCode(), "name", "城关镇", "kind", "PROVINCE"), 400, "kind"));
        c.add(new Case("unit name blank", Who.OPERATOR, "POST", fx -> "/api/v1/units",
                fx -> Map.of("code", fx.newCode(), "name", "  ", "kind", "TOWNSHIP"), 400, "name"));
        c.add(new Case("unit name is a $ operator", Who.OPERATOR, "POST", fx -> "/api/v1/units",
                fx -> Map.of("code", fx.newCode(), "name", "$ne", "kind", "TOWNSHIP"), 400, "name"));
        c.add(new Case("unit body is an array", Who.OPERATOR, "POST", fx -> "/api/v1/units",
                fx -> "[\"" + fx.newCode() + "\"]", 400, "body"));
        c.add(new Case("unit renamed with 65 characters", Who.OPERATOR, "PUT", fx -> "/api/v1/units/" + fx.unit(),
                fx -> Map.of("name", "镇".repeat(65), "kind", "TOWNSHIP"), 400, "name"));
        c.add(new Case("unit contact phone is text", Who.UNIT, "PUT", fx -> "/api/v1/units/" + fx.unit() + "/contact",
                fx -> Map.of("contactPerson", "王主任", "contactPhone", "call me"), 400, "contactPhone"));
        c.add(new Case("unit contact person is a $ operator", Who.UNIT, "PUT",
                fx -> "/api/v1/units/" + fx.unit() + "/contact",
                fx -> Map.of("contactPerson", "$where", "contactPhone", "0531-88881234"), 400, "contactPerson"));
        c.add(new Case("contact of an unknown unit", Who.OPERATOR, "PUT",
                fx -> "/api/v1/units/" + fx.newCode() + "/contact",
                fx -> Map.of("contactPerson", "王主任", "contactPhone", "0531-88881234"), 404, "code"));

        // 项目登记
        c.add(new Case("total investment is text", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "totalInvestment", "五万"), 400, "totalInvestment"));
        c.add(new Case("total investment negative", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "totalInvestment", -100), 400, "totalInvestment"));
        c.add(new Case("total investment with 3 decimals", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "totalInvestment", new BigDecimal("52000.001")), 400, "totalInvestment"));
        c.add(new Case("total investment absurdly large", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "totalInvestment", new BigDecimal("1000000000000")), 400, "totalInvestment"));
        c.add(new Case("planned investment for a year that is not one", Who.OPERATOR, "POST",
                fx -> "/api/v1/projects", fx -> registration(fx, "plannedInvestment", Map.of("twenty", 100)), 400,
                "plannedInvestment.twenty"));
        c.add(new Case("planned investment with 3 decimals", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "plannedInvestment", Map.of("2026", new BigDecimal("100.001"))), 400,
                "plannedInvestment.2026"));
        c.add(new Case("planned investment above the total", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "plannedInvestment", Map.of("2026", 40000, "2027", 40000)), 400,
                "plannedInvestment"));
        c.add(new Case("project of an unknown unit", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "unitCode", fx.newCode()), 400, "unitCode"));
        c.add(new Case("project unit code is a $ne object", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "unitCode", Map.of("$ne", "x")), 400, "unitCode"));
        c.add(new Case("project name is a $where string", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "name", "$where"), 400, "name"));
        c.add(new Case("project owner embeds a {$gt} operator", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "owner", "{$gt: ''}"), 400, "owner"));
        c.add(new Case("project registered as suspended", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "phase", "SUSPENDED"), 400, "phase"));
        c.add(new Case("project phase unknown", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "phase", "FLYING"), 400, "phase"));
        c.add(new Case("planned start on 30 February", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "plannedStart", "2026-02-30"), 400, "plannedStart"));
        c.add(new Case("planned completion before planned start", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "plannedCompletion", "2025-12-31"), 400, "plannedCompletion"));
        c.add(new Case("latitude above 90", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> with(registration(fx, "latitude", 95), "longitude", 117), 400, "latitude"));
        c.add(new Case("project code in lower case", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> registration(fx, "code", fx.newCode().toLowerCase()), 400, "code"));
        c.add(new Case("start date in the future", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> with(registration(fx, "phase", "UNDER_CONSTRUCTION"), "startDate", tomorrow), 400,
                "startDate"));
        c.add(new Case("registration body over 10 MB", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> "{\"code\":\"" + fx.newCode() + "\",\"name\":\"" + "x".repeat(BODY_LIMIT + 1024) + "\"}", 413,
                "body"));
        c.add(new Case("registration body is not JSON", Who.OPERATOR, "POST", fx -> "/api/v1/projects",
                fx -> "{\"code\":\"" + fx.newCode() + "\",", 400, "body"));

        // 台账修改
        c.add(new Case("project moved to an unknown unit", Who.OPERATOR, "PUT",
                fx -> "/api/v1/projects/" + fx.project(), fx -> update(fx, "unitCode", fx.newCode()), 400,
                "unitCode"));
        c.add(new Case("project total investment made negative", Who.OPERATOR, "PUT",
                fx -> "/api/v1/projects/" + fx.project(), fx -> update(fx, "totalInvestment", -1), 400,
                "totalInvestment"));
        c.add(new Case("project level unknown", Who.OPERATOR, "PUT", fx -> "/api/v1/projects/" + fx.project(),
                fx -> update(fx, "level", "NATIONAL"), 400, "level"));
        c.add(new Case("update with planned investment as a list", Who.OPERATOR, "PUT",
                fx -> "/api/v1/projects/" + fx.project(), fx -> update(fx, "plannedInvestment", List.of(1, 2)), 400,
                "plannedInvestment"));

        // 阶段变更
        c.add(new Case("phase READY to IN_PRODUCTION", Who.UNIT, "POST", fx -> projectPath(fx, "/phase"),
                fx -> Map.of("phase", "IN_PRODUCTION"), 409, "phase"));
        c.add(new Case("phase READY back to RESERVE", Who.OPERATOR, "POST", fx -> projectPath(fx, "/phase"),
                fx -> Map.of("phase", "RESERVE"), 409, "phase"));
        c.add(new Case("phase missing", Who.UNIT, "POST", fx -> projectPath(fx, "/phase"), fx -> Map.of(), 400,
                "phase"));
        c.add(new Case("phase given as a number", Who.UNIT, "POST", fx -> projectPath(fx, "/phase"),
                fx -> Map.of("phase", 3), 400, "phase"));
        c.add(new Case("phase move dated tomorrow", Who.UNIT, "POST", fx -> projectPath(fx, "/phase"),
                fx -> Map.of("phase", "UNDER_CONSTRUCTION", "on", tomorrow), 400, "on"));
        c.add(new Case("phase move date is not a date", Who.UNIT, "POST", fx -> projectPath(fx, "/phase"),
                fx -> Map.of("phase", "UNDER_CONSTRUCTION", "on", "下周二"), 400, "on"));

        // 时间节点与前期手续
        c.add(new Case("milestone kind unknown", Who.UNIT, "PUT", fx -> projectPath(fx, "/milestones/LUNCH"),
                fx -> Map.of("plannedDate", tomorrow), 400, "kind"));
        c.add(new Case("milestone done tomorrow", Who.UNIT, "PUT", fx -> projectPath(fx, "/milestones/PLANNING_PERMIT"),
                fx -> Map.of("plannedDate", yesterday, "actualDate", tomorrow), 400, "actualDate"));
        c.add(new Case("start milestone set without the phase move", Who.UNIT, "PUT",
                fx -> projectPath(fx, "/milestones/START"),
                fx -> Map.of("plannedDate", "2026-03-01", "actualDate", yesterday), 400, "actualDate"));
        c.add(new Case("milestone planned in the year 3000", Who.UNIT, "PUT",
                fx -> projectPath(fx, "/milestones/CONSTRUCTION_PERMIT"), fx -> Map.of("plannedDate", "3000-01-01"),
                400, "plannedDate"));
        c.add(new Case("approval status unknown", Who.UNIT, "PUT", fx -> projectPath(fx, "/approvals/ENVIRONMENT"),
                fx -> Map.of("status", "MAYBE"), 400, "status"));
        c.add(new Case("approval status missing", Who.UNIT, "PUT", fx -> projectPath(fx, "/approvals/ENVIRONMENT"),
                fx -> Map.of(), 400, "status"));
        c.add(new Case("approval kind unknown", Who.UNIT, "PUT", fx -> projectPath(fx, "/approvals/BRIBERY"),
                fx -> Map.of("status", "DONE"), 400, "kind"));

        // 月度填报
        c.add(new Case("report for next month", Who.UNIT, "PUT", fx -> projectPath(fx, "/reports/" + nextMonth),
                fx -> report(100), 400, "period"));
        c.add(new Case("report too old even for an operator", Who.OPERATOR, "PUT",
                fx -> projectPath(fx, "/reports/" + tooOld), fx -> report(100), 400, "period"));
        c.add(new Case("report for month 13", Who.UNIT, "PUT", fx -> projectPath(fx, "/reports/2026-13"),
                fx -> report(100), 400, "period"));
        c.add(new Case("report amount negative", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> report(-5), 400, "investmentCompleted"));
        c.add(new Case("report amount with 3 decimals", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> report(new BigDecimal("12.345")), 400, "investmentCompleted"));
        c.add(new Case("report amount is text", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> report("一千"), 400, "investmentCompleted"));
        c.add(new Case("report amount missing", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> with(report(1), "investmentCompleted", null), 400, "investmentCompleted"));
        c.add(new Case("work under way is neither true nor false", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> with(report(100), "workUnderWay", "有时"), 400, "workUnderWay"));
        c.add(new Case("work under way missing", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> with(report(100), "workUnderWay", null), 400, "workUnderWay"));
        c.add(new Case("image progress 150 percent", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> with(report(100), "imageProgressPercent", 150), 400, "imageProgressPercent"));
        c.add(new Case("image progress is a $set string", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> with(report(100), "imageProgress", "$set"), 400, "imageProgress"));
        c.add(new Case("report problem without a type", Who.UNIT, "PUT", fx -> projectPath(fx, reportPath),
                fx -> with(report(100), "problems", List.of(Map.of("description", "用电增容未落实"))), 400,
                "problems[0].type"));
        c.add(new Case("report for an unknown project", Who.OPERATOR, "PUT",
                fx -> "/api/v1/projects/" + fx.newCode() + reportPath, fx -> report(100), 404, "code"));

        // 批量填报
        c.add(new Case("batch of 5001 reports", Who.UNIT, "POST", fx -> "/api/v1/reports/batch",
                fx -> Map.of("reports", IntStream.range(0, 5001).mapToObj(i -> batchItem(fx.project(), period, i + 1))
                        .toList()), 400, "reports"));
        c.add(new Case("batch without reports", Who.UNIT, "POST", fx -> "/api/v1/reports/batch", fx -> Map.of(), 400,
                "reports"));
        c.add(new Case("batch reports is a string", Who.UNIT, "POST", fx -> "/api/v1/reports/batch",
                fx -> Map.of("reports", "全部"), 400, "reports"));
        c.add(new Case("batch item amount is text", Who.UNIT, "POST", fx -> "/api/v1/reports/batch",
                fx -> Map.of("reports", List.of(with(batchItem(fx.project(), period, 1), "investmentCompleted",
                        "ten"))), 400, "reports[0].investmentCompleted"));
        c.add(new Case("batch item for an unknown project", Who.UNIT, "POST", fx -> "/api/v1/reports/batch",
                fx -> Map.of("reports", List.of(batchItem(fx.newCode(), period, 100))), 200, "projectCode"));
        c.add(new Case("batch item for next month", Who.UNIT, "POST", fx -> "/api/v1/reports/batch",
                fx -> Map.of("reports", List.of(batchItem(fx.project(), nextMonth, 100))), 200, "period"));
        c.add(new Case("batch item period written 2026/10", Who.UNIT, "POST", fx -> "/api/v1/reports/batch",
                fx -> Map.of("reports", List.of(batchItem(fx.project(), period.replace('-', '/'), 100))), 200,
                "period"));
        c.add(new Case("batch item amount negative", Who.UNIT, "POST", fx -> "/api/v1/reports/batch",
                fx -> Map.of("reports", List.of(batchItem(fx.project(), period, -100))), 200, "investmentCompleted"));
        c.add(new Case("batch item amount with 3 decimals", Who.UNIT, "POST", fx -> "/api/v1/reports/batch",
                fx -> Map.of("reports", List.of(batchItem(fx.project(), period, new BigDecimal("0.001")))), 200,
                "investmentCompleted"));

        // 问题交办
        c.add(new Case("problem type unknown", Who.UNIT, "POST", fx -> projectPath(fx, "/problems"),
                fx -> Map.of("type", "BUDGET", "description", "资金缺口 2000 万元"), 400, "type"));
        c.add(new Case("problem type missing", Who.UNIT, "POST", fx -> projectPath(fx, "/problems"),
                fx -> Map.of("description", "资金缺口 2000 万元"), 400, "type"));
        c.add(new Case("problem description is a $where string", Who.UNIT, "POST", fx -> projectPath(fx, "/problems"),
                fx -> Map.of("type", "FUNDS", "description", "$where"), 400, "description"));
        c.add(new Case("problem description of 501 characters", Who.UNIT, "POST", fx -> projectPath(fx, "/problems"),
                fx -> Map.of("type", "FUNDS", "description", "缺".repeat(501)), 400, "description"));
        c.add(new Case("problem deadline yesterday", Who.UNIT, "POST", fx -> projectPath(fx, "/problems"),
                fx -> Map.of("type", "LAND", "description", "征地未完成", "assignedDepartment", "自然资源局",
                        "deadline", yesterday), 400, "deadline"));
        c.add(new Case("problem handed to a department without a deadline", Who.UNIT, "POST",
                fx -> projectPath(fx, "/problems"),
                fx -> Map.of("type", "LAND", "description", "征地未完成", "assignedDepartment", "自然资源局"), 400,
                "deadline"));
        c.add(new Case("assignment of an unknown problem", Who.OPERATOR, "POST",
                fx -> projectPath(fx, "/problems/PB-99/assignment"),
                fx -> Map.of("assignedDepartment", "自然资源局", "deadline", tomorrow), 400, "problemId"));
        c.add(new Case("assignment deadline yesterday", Who.OPERATOR, "POST",
                fx -> projectPath(fx, "/problems/" + fx.problemId() + "/assignment"),
                fx -> Map.of("assignedDepartment", "自然资源局", "deadline", yesterday), 400, "deadline"));
        c.add(new Case("assignment department is a $ne object", Who.OPERATOR, "POST",
                fx -> projectPath(fx, "/problems/" + fx.problemId() + "/assignment"),
                fx -> Map.of("assignedDepartment", Map.of("$ne", ""), "deadline", tomorrow), 400,
                "assignedDepartment"));
        c.add(new Case("resolution blank", Who.UNIT, "POST",
                fx -> projectPath(fx, "/problems/" + fx.problemId() + "/resolution"),
                fx -> Map.of("resolution", " "), 400, "resolution"));

        // 现场照片
        String photos = reportPath + "/photos";
        c.add(new Case("photo that is not an image", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart("hello, this is text".getBytes(StandardCharsets.UTF_8), Map.of("takenAt", takenAt)),
                400, "file"));
        c.add(new Case("photo above 5 MB", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(jpeg(PHOTO_LIMIT + 1), Map.of("takenAt", takenAt)), 413, "file"));
        c.add(new Case("photo empty", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(new byte[0], Map.of("takenAt", takenAt)), 400, "file"));
        c.add(new Case("photo without file", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(null, Map.of("takenAt", takenAt)), 400, "file"));
        c.add(new Case("photo without takenAt", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(jpeg(1024), Map.of()), 400, "takenAt"));
        c.add(new Case("photo takenAt is not a time", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(jpeg(1024), Map.of("takenAt", "昨天下午")), 400, "takenAt"));
        c.add(new Case("photo taken tomorrow", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(jpeg(1024), Map.of("takenAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())),
                400, "takenAt"));
        c.add(new Case("photo latitude 95", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(jpeg(1024), Map.of("takenAt", takenAt, "latitude", "95", "longitude", "117")), 400,
                "latitude"));
        c.add(new Case("photo latitude without longitude", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(jpeg(1024), Map.of("takenAt", takenAt, "latitude", "36.6")), 400, "latitude"));
        c.add(new Case("photo latitude is text", Who.UNIT, "POST", fx -> projectPath(fx, photos),
                fx -> multipart(jpeg(1024), Map.of("takenAt", takenAt, "latitude", "北纬", "longitude", "117")),
                400, "latitude"));
        c.add(new Case("photo for a month without report", Who.UNIT, "POST",
                fx -> projectPath(fx, "/reports/" + lastMonth + "/photos"),
                fx -> multipart(jpeg(1024), Map.of("takenAt", takenAt)), 400, "period"));
        c.add(new Case("photo for an unknown project", Who.OPERATOR, "POST",
                fx -> "/api/v1/projects/" + fx.newCode() + photos,
                fx -> multipart(jpeg(1024), Map.of("takenAt", takenAt)), 404, "code"));
        return c;
    }

    @Test
    void theTableHasAtLeastThirtyDistinctCases() {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(new HashSet<>(all.stream().map(Case::name).toList())).hasSameSizeAs(all);
    }

    @Test
    void theProbeSeesAnAcceptedChange() {
        Fx fx = fixture();
        Map<String, Object> before = snapshot(fx);
        ApiClient.Response r = api().put(projectPath(fx, "/reports/" + YearMonth.from(today())), unitSystem(fx.unit()),
                report(777));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Object> after = snapshot(fx);
        assertThat(after.get("project " + fx.project())).isNotEqualTo(before.get("project " + fx.project()));
        assertThat(after.get("project " + fx.project() + ": events"))
                .isEqualTo((Integer) before.get("project " + fx.project() + ": events") + 1);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void refusedNamingTheFieldAndNothingChanges(Case c) {
        Fx fx = fixture();
        Map<String, Object> before = snapshot(fx);

        ApiClient.Response r = send(c, fx);

        String shown = r.body() == null || r.body().length() < 2000 ? r.body() : r.body().substring(0, 2000);
        if (c.status() == 200) {
            assertThat(r.status()).as(shown).isEqualTo(200);
            JsonNode item = r.json().get(0);
            assertThat(item.get("status").asString()).as(shown).isEqualTo("REJECTED");
            assertThat(fields(item)).as(shown).contains(c.field());
        } else {
            assertThat(r.status()).as(shown).isBetween(400, 499).isEqualTo(c.status());
            assertThat(r.contentType()).as(shown).startsWith("application/problem+json");
            assertThat(fields(r.json())).as(shown).contains(c.field());
        }
        assertThat(snapshot(fx)).isEqualTo(before);
    }

    private Fx fixture() {
        String unit = uniqueCode("BU");
        createUnit(api(), operator(), unit, "TOWNSHIP");
        String code = uniqueCode("BP");
        ApiClient.Response registered = api().post("/api/v1/projects", operator(), project(code, unit));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        ApiClient.Response filed = api().put("/api/v1/projects/" + code + "/reports/" + YearMonth.from(today()),
                unitSystem(unit), report(100));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        ApiClient.Response raised = api().post("/api/v1/projects/" + code + "/problems", unitSystem(unit),
                Map.of("type", "UTILITIES", "description", "施工用电增容未落实"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return new Fx(unit, code, raised.json().get("id").asString(), uniqueCode("BN"));
    }

    private Map<String, Object> snapshot(Fx fx) {
        return probe.take(List.of(fx.unit(), fx.newCode()), List.of(fx.project(), fx.newCode()));
    }

    private ApiClient.Response send(Case c, Fx fx) {
        String token = c.who() == Who.OPERATOR ? operator() : unitSystem(fx.unit());
        Object body = c.body().apply(fx);
        if (body instanceof Multipart m) {
            return api().send(c.method(), c.path().apply(fx), token, m.bytes(), MULTIPART_TYPE);
        }
        return api().send(c.method(), c.path().apply(fx), token, body, "application/json");
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static String projectPath(Fx fx, String rest) {
        return "/api/v1/projects/" + fx.project() + rest;
    }

    private static Map<String, Object> registration(Fx fx, String field, Object value) {
        return with(project(fx.newCode(), fx.unit()), field, value);
    }

    private static Map<String, Object> update(Fx fx, String field, Object value) {
        Map<String, Object> body = new HashMap<>(project(fx.project(), fx.unit()));
        body.remove("code");
        body.remove("phase");
        return with(body, field, value);
    }

    /** Copy with one field set; null is kept as an explicit JSON null. */
    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> batchItem(String projectCode, String period, Object amount) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("projectCode", projectCode);
        item.put("period", period);
        item.put("investmentCompleted", amount);
        item.put("workUnderWay", true);
        return item;
    }

    /** JPEG magic bytes followed by filler: what the registry sniffs, at the given size. */
    static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE0;
        return b;
    }

    /** A multipart/form-data body with an optional "file" part and text fields. */
    static Multipart multipart(byte[] file, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.jpg\""
                    + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(out.toByteArray());
    }
}
