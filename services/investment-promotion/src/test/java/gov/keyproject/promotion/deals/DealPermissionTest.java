package gov.keyproject.promotion.deals;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.platform.outbox.OutboxRelay;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every write endpoint of the promotion service (checked against the published OpenAPI document) is tried without a
 * token, with a forged one, with another unit's 招商 staff, a viewer, the statistics feed and the deal's own unit
 * system, and, where only operators may write, with the deal's own unit's 招商 staff. All are refused with 401 or 403
 * as problem+json, and nothing changes: same deals, same trails, no event. The rightful caller then succeeds with the
 * very same request, which proves the refusals were about who called, not about the request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealPermissionTest extends PromotionIntegrationTest {

    @Autowired
    OutboxRelay relay;

    private DealProbe probe;

    /**
     * Unit A with a deal in talks ({@code talks}) and one signed 200 days ago and not landed ({@code signed}, a paper
     * project for the sweep); unit B is another unit; {@code newId} is unused.
     */
    record Fx(String unit, String otherUnit, String talks, String signed, String newId) {
    }

    enum Access { OPERATOR_ONLY, OWN_UNIT_STAFF_OR_OPERATOR }

    enum Who {
        NO_TOKEN(401), FORGED_OPERATOR_TOKEN(401), OTHER_UNIT_PROMOTION_STAFF(403), VIEWER(403), STATISTICS_FEED(403),
        OWN_UNIT_SYSTEM(403), OWN_UNIT_PROMOTION_STAFF(403);

        final int refusal;

        Who(int refusal) {
            this.refusal = refusal;
        }
    }

    /** A write endpoint as the OpenAPI document names it, with a request its rightful caller makes successfully. */
    record Endpoint(String method, String template, Access access, int rightful, Function<Fx, String> path,
                    Function<Fx, Object> body) {
        String key() {
            return method + " " + template;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    @BeforeAll
    void openProbe() {
        String unit = uniqueCode("PU");
        register(unit, uniqueCode("DP"), 1); // the deal topic exists before the probe reads it
        probe = new DealProbe(servers.kafkaBootstrap(), api(), operator(), relay);
    }

    @AfterAll
    void closeProbe() {
        probe.close();
    }

    /** Multipart uploads, whose wrong callers DealImportTest tries (no token, viewer, feed, another unit's staff). */
    static final Set<String> MULTIPART_COVERED_ELSEWHERE = Set.of("POST /api/v1/deals/import");

    static List<Endpoint> endpoints() {
        String yesterday = today().minusDays(1).toString();
        return List.of(
                new Endpoint("POST", "/api/v1/deals", Access.OWN_UNIT_STAFF_OR_OPERATOR, 201, fx -> "/api/v1/deals",
                        fx -> {
                            Map<String, Object> body = DealBadInputTest.details(fx.unit());
                            body.put("id", fx.newId());
                            return body;
                        }),
                new Endpoint("PUT", "/api/v1/deals/{id}", Access.OWN_UNIT_STAFF_OR_OPERATOR, 200,
                        fx -> "/api/v1/deals/" + fx.talks(), fx -> {
                            Map<String, Object> body = DealBadInputTest.details(fx.unit());
                            body.put("intendedInvestment", 45000);
                            return body;
                        }),
                new Endpoint("POST", "/api/v1/deals/{id}/signing", Access.OWN_UNIT_STAFF_OR_OPERATOR, 200,
                        fx -> "/api/v1/deals/" + fx.talks() + "/signing",
                        fx -> Map.of("agreedAmount", 30000, "signedOn", yesterday)),
                new Endpoint("POST", "/api/v1/deals/{id}/funds", Access.OWN_UNIT_STAFF_OR_OPERATOR, 200,
                        fx -> "/api/v1/deals/" + fx.signed() + "/funds",
                        fx -> Map.of("arrivedOn", yesterday, "amount", 5000)),
                new Endpoint("POST", "/api/v1/deals/{id}/landing", Access.OWN_UNIT_STAFF_OR_OPERATOR, 200,
                        fx -> "/api/v1/deals/" + fx.signed() + "/landing",
                        fx -> Map.of("landedOn", yesterday, "projectName", "智能装备制造基地", "category", "INDUSTRIAL")),
                new Endpoint("POST", "/api/v1/deals/{id}/termination", Access.OWN_UNIT_STAFF_OR_OPERATOR, 200,
                        fx -> "/api/v1/deals/" + fx.talks() + "/termination",
                        fx -> Map.of("terminatedOn", yesterday, "reason", "企业投资计划调整")),
                new Endpoint("POST", "/api/v1/deals/paper-sweep", Access.OPERATOR_ONLY, 200,
                        fx -> "/api/v1/deals/paper-sweep", fx -> Map.of()));
    }

    @Test
    void theTableCoversEveryWriteOperationOfTheOpenApiDocument() {
        Set<String> documented = documented();
        assertThat(documented).as("write operations in /v3/api-docs").isNotEmpty();
        Set<String> covered = new java.util.HashSet<>(endpoints().stream().map(Endpoint::key).toList());
        covered.addAll(MULTIPART_COVERED_ELSEWHERE);
        assertThat(covered).as("endpoints tried here; add any new write endpoint to endpoints()")
                .containsAll(documented);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyWrongCallerIsRefusedAndNothingChanges(Endpoint e) {
        assumeTrue(documented().contains(e.key()), e.key() + " is not (or no longer) in /v3/api-docs");
        Fx fx = fixture();
        Map<String, Object> before = snapshot(fx);
        SoftAssertions soft = new SoftAssertions();
        for (Who who : Who.values()) {
            if (who == Who.OWN_UNIT_PROMOTION_STAFF && e.access() != Access.OPERATOR_ONLY) {
                continue; // the rightful caller of those
            }
            ApiClient.Response r = api().send(e.method(), e.path().apply(fx), token(who, fx), e.body().apply(fx),
                    "application/json");
            soft.assertThat(r.status()).as(who + ": " + r.body()).isEqualTo(who.refusal);
            soft.assertThat(r.contentType()).as(who + ": content type").startsWith("application/problem+json");
            soft.assertThat(r.json().path("title").asString()).as(who + ": title")
                    .isEqualTo(who.refusal == 401 ? "未认证" : "无权操作");
            soft.assertThat(snapshot(fx)).as(who + ": state after the refused call").isEqualTo(before);
        }
        soft.assertAll();

        String rightful = e.access() == Access.OPERATOR_ONLY ? operator() : staff(fx.unit());
        ApiClient.Response ok = api().send(e.method(), e.path().apply(fx), rightful, e.body().apply(fx),
                "application/json");
        assertThat(ok.status()).as("the rightful caller, same request: " + ok.body()).isEqualTo(e.rightful());
        if (e.access() == Access.OPERATOR_ONLY) {
            assertThat(ok.json().toString()).as("the sweep flags the fixture's paper project").contains(fx.signed());
        }
        assertThat(snapshot(fx)).as("the probe sees the rightful change").isNotEqualTo(before);
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

    private Fx fixture() {
        String unit = uniqueCode("PA");
        String talks = uniqueCode("DT");
        register(unit, talks, 60);
        String signed = uniqueCode("DS");
        register(unit, signed, 300);
        ApiClient.Response s = api().post("/api/v1/deals/" + signed + "/signing", staff(unit),
                Map.of("agreedAmount", 30000, "signedOn", today().minusDays(200).toString()));
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        return new Fx(unit, uniqueCode("PB"), talks, signed, uniqueCode("DN"));
    }

    private void register(String unit, String id, int daysAgo) {
        Map<String, Object> body = DealBadInputTest.details(unit);
        body.put("id", id);
        body.put("registeredOn", today().minusDays(daysAgo).toString());
        ApiClient.Response r = api().post("/api/v1/deals", staff(unit), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private Map<String, Object> snapshot(Fx fx) {
        return probe.take(List.of(fx.unit(), fx.otherUnit()), List.of(fx.talks(), fx.signed(), fx.newId()));
    }

    private static String token(Who who, Fx fx) {
        return switch (who) {
            case NO_TOKEN -> null;
            case FORGED_OPERATOR_TOKEN -> {
                String real = operator();
                yield real.substring(0, real.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
            }
            case OTHER_UNIT_PROMOTION_STAFF -> staff(fx.otherUnit());
            case VIEWER -> viewer();
            case STATISTICS_FEED -> statisticsFeed();
            case OWN_UNIT_SYSTEM -> unitSystem(fx.unit());
            case OWN_UNIT_PROMOTION_STAFF -> staff(fx.unit());
        };
    }
}
