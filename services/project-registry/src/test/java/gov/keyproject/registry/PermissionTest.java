package gov.keyproject.registry;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.platform.outbox.OutboxRelay;
import gov.keyproject.platform.security.Role;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static gov.keyproject.registry.RegistryFixtures.createUnit;
import static gov.keyproject.registry.RegistryFixtures.project;
import static gov.keyproject.registry.RegistryFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every write endpoint of the registry (checked against the published OpenAPI document) is tried without a token,
 * with a forged one, with another unit's system, a viewer, the statistics feed and the project's own unit's 招商 staff,
 * and, where only operators may write, with the project's own unit system. All are refused with 401 or 403 as
 * problem+json, and nothing changes: same state, same trail, no event. The right caller then succeeds with the very
 * same request, which proves the refusals were about who called, not about the request. The batch endpoint is open
 * to every unit system, so another unit's batch is answered 200 with each item REJECTED (projectCode).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionTest extends RegistryIntegrationTest {

    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;

    private StateProbe probe;

    /** Unit A with a READY project that has this month's report and an open problem; unit B is another unit. */
    record Fx(String unit, String otherUnit, String project, String problemId, String newCode) {
    }

    enum Access { OPERATOR_ONLY, OWN_UNIT_OR_OPERATOR }

    enum Who {
        NO_TOKEN(401), FORGED_OPERATOR_TOKEN(401), OTHER_UNIT(403), VIEWER(403), STATISTICS_FEED(403),
        OWN_UNIT_PROMOTION_STAFF(403), OWN_UNIT(403);

        final int refusal;

        Who(int refusal) {
            this.refusal = refusal;
        }
    }

    /**
     * A write endpoint as the OpenAPI document names it, with a request its rightful caller makes successfully
     * ({@code rightful} is that answer; null: the request is not a valid one, any answer but 401/403 will do).
     */
    record Endpoint(String method, String template, Access access, Integer rightful, Function<Fx, String> path,
                    Function<Fx, Object> body) {
        String key() {
            return method + " " + template;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** A request only an operator may make although the endpoint is open to the project's own unit. */
    record OperatorOnly(String name, String method, Function<Fx, String> path, Function<Fx, Object> body,
                        String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void openProbe() {
        createUnit(api(), operator(), uniqueCode("PU"), "TOWNSHIP");
        probe = new StateProbe(servers.kafkaBootstrap(), api(), operator(), mongo, relay);
    }

    @AfterAll
    void closeProbe() {
        probe.close();
    }

    static List<Endpoint> endpoints() {
        String period = YearMonth.from(today()).toString();
        String in30Days = today().plusDays(30).toString();
        return List.of(
                new Endpoint("POST", "/api/v1/units", Access.OPERATOR_ONLY, 201, fx -> "/api/v1/units",
                        fx -> Map.of("code", fx.newCode(), "name", "新设街道", "kind", "TOWNSHIP")),
                new Endpoint("PUT", "/api/v1/units/{code}", Access.OPERATOR_ONLY, 200,
                        fx -> "/api/v1/units/" + fx.unit(), fx -> Map.of("name", "改名后的单位", "kind", "DEPARTMENT")),
                new Endpoint("PUT", "/api/v1/units/{code}/contact", Access.OWN_UNIT_OR_OPERATOR, 200,
                        fx -> "/api/v1/units/" + fx.unit() + "/contact",
                        fx -> Map.of("contactPerson", "王主任", "contactPhone", "0531-88881234")),
                new Endpoint("POST", "/api/v1/projects", Access.OPERATOR_ONLY, 201, fx -> "/api/v1/projects",
                        fx -> project(fx.newCode(), fx.unit())),
                new Endpoint("PUT", "/api/v1/projects/{code}", Access.OPERATOR_ONLY, 200,
                        fx -> "/api/v1/projects/" + fx.project(), fx -> {
                            Map<String, Object> body = new HashMap<>(project(fx.project(), fx.unit()));
                            body.remove("code");
                            body.remove("phase");
                            body.put("totalInvestment", 56000);
                            return body;
                        }),
                new Endpoint("POST", "/api/v1/projects/{code}/phase", Access.OWN_UNIT_OR_OPERATOR, 200,
                        fx -> "/api/v1/projects/" + fx.project() + "/phase",
                        fx -> Map.of("phase", "UNDER_CONSTRUCTION", "on", today().toString())),
                new Endpoint("PUT", "/api/v1/projects/{code}/milestones/{kind}", Access.OWN_UNIT_OR_OPERATOR, 200,
                        fx -> "/api/v1/projects/" + fx.project() + "/milestones/PLANNING_PERMIT",
                        fx -> Map.of("plannedDate", in30Days)),
                new Endpoint("PUT", "/api/v1/projects/{code}/approvals/{kind}", Access.OWN_UNIT_OR_OPERATOR, 200,
                        fx -> "/api/v1/projects/" + fx.project() + "/approvals/ENVIRONMENT",
                        fx -> Map.of("status", "DONE")),
                new Endpoint("PUT", "/api/v1/projects/{code}/reports/{period}", Access.OWN_UNIT_OR_OPERATOR, 200,
                        fx -> "/api/v1/projects/" + fx.project() + "/reports/" + period, fx -> report(2000)),
                new Endpoint("POST", "/api/v1/reports/batch", Access.OWN_UNIT_OR_OPERATOR, 200,
                        fx -> "/api/v1/reports/batch", fx -> Map.of("reports", List.of(Map.of(
                                "projectCode", fx.project(), "period", period, "investmentCompleted", 2000,
                                "workUnderWay", true)))),
                new Endpoint("POST", "/api/v1/projects/{code}/problems", Access.OWN_UNIT_OR_OPERATOR, 201,
                        fx -> "/api/v1/projects/" + fx.project() + "/problems",
                        fx -> Map.of("type", "LAND", "description", "30 亩征地尚未完成")),
                new Endpoint("POST", "/api/v1/projects/{code}/problems/{problemId}/assignment", Access.OPERATOR_ONLY,
                        200,
                        fx -> "/api/v1/projects/" + fx.project() + "/problems/" + fx.problemId() + "/assignment",
                        fx -> Map.of("assignedDepartment", "供电公司", "deadline", in30Days)),
                new Endpoint("POST", "/api/v1/projects/{code}/problems/{problemId}/resolution",
                        Access.OWN_UNIT_OR_OPERATOR, 200,
                        fx -> "/api/v1/projects/" + fx.project() + "/problems/" + fx.problemId() + "/resolution",
                        fx -> Map.of("resolution", "增容已完成")),
                new Endpoint("POST", "/api/v1/projects/{code}/reports/{period}/photos", Access.OWN_UNIT_OR_OPERATOR,
                        201,
                        fx -> "/api/v1/projects/" + fx.project() + "/reports/" + period + "/photos",
                        fx -> BadInputTest.multipart(BadInputTest.jpeg(2048),
                                Map.of("takenAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()))),
                // Not a ledger: only the refusals matter here (the import has its own tests), so the operator's
                // answer just has to be something other than 401/403 and must change nothing either.
                new Endpoint("POST", "/api/v1/projects/import", Access.OPERATOR_ONLY, null,
                        fx -> "/api/v1/projects/import", fx -> BadInputTest.multipart(
                                "项目代码,项目名称\n".getBytes(StandardCharsets.UTF_8), Map.of())));
    }

    static List<OperatorOnly> operatorOnly() {
        String lateMonth = YearMonth.from(today()).minusMonths(2).toString();
        return List.of(
                new OperatorOnly("收回 (REVOKED) by the project's own unit", "POST",
                        fx -> "/api/v1/projects/" + fx.project() + "/phase", fx -> Map.of("phase", "REVOKED"), null),
                new OperatorOnly("report after the period's deadline by the project's own unit", "PUT",
                        fx -> "/api/v1/projects/" + fx.project() + "/reports/" + lateMonth, fx -> report(300),
                        "period"),
                new OperatorOnly("batch report after the deadline by the project's own unit", "POST",
                        fx -> "/api/v1/reports/batch", fx -> Map.of("reports", List.of(Map.of(
                                "projectCode", fx.project(), "period", lateMonth, "investmentCompleted", 300,
                                "workUnderWay", true))), "period"));
    }

    @Test
    void theTableCoversEveryWriteOperationOfTheOpenApiDocument() {
        Set<String> documented = documented();
        assertThat(documented).as("write operations in /v3/api-docs").isNotEmpty();
        assertThat(endpoints().stream().map(Endpoint::key).toList())
                .as("endpoints tried here; add any new write endpoint to endpoints()").containsAll(documented);
    }

    /** Write operations under /api/ in the OpenAPI document the running service publishes. */
    private Set<String> documented() {
        ApiClient.Response docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        Set<String> documented = new TreeSet<>();
        docs.json().get("paths").properties().forEach(path -> {
            for (String method : List.of("post", "put", "patch", "delete")) {
                if (path.getValue().has(method) && path.getKey().startsWith("/api/")) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        });
        return documented;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyWrongCallerIsRefusedAndNothingChanges(Endpoint e) {
        assumeTrue(documented().contains(e.key()), e.key() + " is not (or no longer) in /v3/api-docs");
        Fx fx = fixture();
        Map<String, Object> before = snapshot(fx);
        SoftAssertions soft = new SoftAssertions();
        for (Who who : Who.values()) {
            if (who == Who.OWN_UNIT && e.access() != Access.OPERATOR_ONLY) {
                continue;
            }
            ApiClient.Response r = send(e.method(), e.path().apply(fx), token(who, fx), e.body().apply(fx));
            if (who == Who.OTHER_UNIT && e.template().equals("/api/v1/reports/batch")) {
                // A batch is open to every unit system; each item of another unit's project is refused on its own.
                soft.assertThat(r.status()).as(who + ": " + r.body()).isEqualTo(200);
                soft.assertThat(rejectedFields(r.json())).as(who + ": " + r.body()).containsExactly("projectCode");
            } else {
                soft.assertThat(r.status()).as(who + ": " + r.body()).isEqualTo(who.refusal);
                soft.assertThat(r.contentType()).as(who + ": content type").startsWith("application/problem+json");
                soft.assertThat(r.json().path("title").asString()).as(who + ": title")
                        .isEqualTo(who.refusal == 401 ? "未认证" : "无权操作");
            }
            soft.assertThat(snapshot(fx)).as(who + ": state after the refused call").isEqualTo(before);
        }
        soft.assertAll();

        String rightful = e.access() == Access.OPERATOR_ONLY ? operator() : unitSystem(fx.unit());
        ApiClient.Response ok = send(e.method(), e.path().apply(fx), rightful, e.body().apply(fx));
        if (e.rightful() == null) {
            assertThat(ok.status()).as("the rightful caller, same request: " + ok.body()).isNotIn(401, 403);
            assertThat(snapshot(fx)).isEqualTo(before);
            return;
        }
        assertThat(ok.status()).as("the rightful caller, same request: " + ok.body()).isEqualTo(e.rightful());
        if (e.template().equals("/api/v1/reports/batch")) {
            assertThat(ok.json().get(0).get("status").asString()).as(ok.body()).isEqualTo("CORRECTED");
        }
        assertThat(snapshot(fx)).as("the probe sees the rightful change").isNotEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operatorOnly")
    void theProjectsOwnUnitIsRefusedWhatOnlyAnOperatorMayDo(OperatorOnly o) {
        Fx fx = fixture();
        Map<String, Object> before = snapshot(fx);
        ApiClient.Response r = send(o.method(), o.path().apply(fx), unitSystem(fx.unit()), o.body().apply(fx));
        if (o.path().apply(fx).equals("/api/v1/reports/batch")) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(rejectedFields(r.json())).as(r.body()).containsExactly(o.field());
        } else {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            if (o.field() != null) {
                assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo(o.field());
            }
        }
        assertThat(snapshot(fx)).isEqualTo(before);

        ApiClient.Response ok = send(o.method(), o.path().apply(fx), operator(), o.body().apply(fx));
        assertThat(ok.status()).as("an operator, same request: " + ok.body()).isBetween(200, 201);
        assertThat(snapshot(fx)).isNotEqualTo(before);
    }

    private Fx fixture() {
        String unit = uniqueCode("PA");
        String other = uniqueCode("PB");
        createUnit(api(), operator(), unit, "TOWNSHIP");
        createUnit(api(), operator(), other, "TOWNSHIP");
        String code = uniqueCode("PP");
        ApiClient.Response registered = api().post("/api/v1/projects", operator(), project(code, unit));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        ApiClient.Response filed = api().put("/api/v1/projects/" + code + "/reports/" + YearMonth.from(today()),
                unitSystem(unit), report(100));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        ApiClient.Response raised = api().post("/api/v1/projects/" + code + "/problems", unitSystem(unit),
                Map.of("type", "UTILITIES", "description", "施工用电增容未落实"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return new Fx(unit, other, code, raised.json().get("id").asString(), uniqueCode("PN"));
    }

    private Map<String, Object> snapshot(Fx fx) {
        return probe.take(List.of(fx.unit(), fx.otherUnit(), fx.newCode()), List.of(fx.project(), fx.newCode()));
    }

    private static String token(Who who, Fx fx) {
        return switch (who) {
            case NO_TOKEN -> null;
            case FORGED_OPERATOR_TOKEN -> {
                String real = operator();
                yield real.substring(0, real.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
            }
            case OTHER_UNIT -> unitSystem(fx.otherUnit());
            case VIEWER -> viewer();
            case STATISTICS_FEED -> servers.token("feed-tjj", null, Role.STATISTICS_FEED);
            case OWN_UNIT_PROMOTION_STAFF -> servers.token("staff-" + fx.unit(), fx.unit(), Role.PROMOTION_STAFF);
            case OWN_UNIT -> unitSystem(fx.unit());
        };
    }

    private ApiClient.Response send(String method, String path, String token, Object body) {
        if (body instanceof BadInputTest.Multipart m) {
            return api().send(method, path, token, m.bytes(), BadInputTest.MULTIPART_TYPE);
        }
        return api().send(method, path, token, body, "application/json");
    }

    private static List<String> rejectedFields(JsonNode outcomes) {
        List<String> fields = new ArrayList<>();
        outcomes.forEach(o -> {
            if ("REJECTED".equals(o.path("status").asString())) {
                o.path("errors").forEach(err -> fields.add(err.path("field").asString()));
            }
        });
        return fields;
    }
}
