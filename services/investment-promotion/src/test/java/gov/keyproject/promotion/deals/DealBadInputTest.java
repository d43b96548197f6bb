package gov.keyproject.promotion.deals;

import gov.keyproject.devstack.ApiClient;
import gov.keyproject.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests to every write endpoint of the 招商 pipeline (register, update, signing, funds,
 * landing, termination) and to the funnel: wrong types, negative or over-precise amounts, future dates, dates before
 * the stage before, unknown enum values, enums as numbers, a fair without its name, bad phones, {@code $}-operator
 * strings, oversize and malformed bodies, commands in the wrong stage. Each must be answered with a 4xx problem+json
 * naming the offending field, and must change nothing: same deals, same trails, no event on the deal topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealBadInputTest extends PromotionIntegrationTest {

    /** The request-size limit of the platform (10 MB). */
    private static final int BODY_LIMIT = 10 * 1024 * 1024;

    @Autowired
    OutboxRelay relay;

    private DealProbe probe;

    /**
     * A fresh unit with a deal in talks ({@code talks}, registered 60 days ago) and a signed one ({@code signed},
     * registered 60 and signed 30 days ago); {@code newId} is unused.
     */
    record Fx(String unit, String talks, String signed, String newId) {
    }

    /** One malformed request, made by the unit's own 招商 staff. A String body is sent as is; null: no body. */
    record Case(String name, String method, Function<Fx, String> path, Function<Fx, Object> body, int status,
                String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void openProbe() {
        String unit = uniqueCode("BU");
        register(unit, uniqueCode("DB"), 1); // the deal topic exists before the probe reads it
        probe = new DealProbe(servers.kafkaBootstrap(), api(), operator(), relay);
    }

    @AfterAll
    void closeProbe() {
        probe.close();
    }

    static List<Case> cases() {
        String tomorrow = today().plusDays(1).toString();
        String yesterday = today().minusDays(1).toString();
        String thisMonth = YearMonth.from(today()).toString();
        List<Case> c = new ArrayList<>();

        // 登记
        c.add(new Case("intended investment is text", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "intendedInvestment", "三万"), 400, "intendedInvestment"));
        c.add(new Case("intended investment negative", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "intendedInvestment", -100), 400, "intendedInvestment"));
        c.add(new Case("intended investment with 3 decimals", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "intendedInvestment", new BigDecimal("30000.001")), 400,
                "intendedInvestment"));
        c.add(new Case("intended investment absurdly large", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "intendedInvestment", new BigDecimal("1000000000")), 400,
                "intendedInvestment"));
        c.add(new Case("source kind unknown (TV)", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "source", Map.of("kind", "TV")), 400, "source.kind"));
        c.add(new Case("source kind given as a number", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "source", Map.of("kind", 1)), 400, "source.kind"));
        c.add(new Case("source missing", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "source", null), 400, "source"));
        c.add(new Case("fair without its name", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "source", Map.of("kind", "FAIR")), 400, "source.fairName"));
        c.add(new Case("fair name for a visit", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "source", Map.of("kind", "VISIT", "fairName", "青洽会")), 400,
                "source.fairName"));
        c.add(new Case("contact phone is text", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "contacts", List.of(Map.of("name", "张经理", "phone", "call me"))), 400,
                "contacts[0].phone"));
        c.add(new Case("second contact without a name", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "contacts", List.of(Map.of("name", "张经理", "phone", "13800000000"),
                        Map.of("phone", "0531-88886666"))), 400, "contacts[1].name"));
        c.add(new Case("eleven contacts", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "contacts", Collections.nCopies(11,
                        Map.of("name", "张经理", "phone", "13800000000"))), 400, "contacts"));
        c.add(new Case("company is a $where string", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "company", "$where"), 400, "company"));
        c.add(new Case("company is a {$gt} object", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "company", Map.of("$gt", "")), 400, "company"));
        c.add(new Case("industry embeds a {$ne} operator", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "industry", "装备{$ne: 1}"), 400, "industry"));
        c.add(new Case("deal id in lower case", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "id", fx.newId().toLowerCase()), 400, "id"));
        c.add(new Case("deal id is a $ne object", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "id", Map.of("$ne", "x")), 400, "id"));
        c.add(new Case("registered tomorrow", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "registeredOn", tomorrow), 400, "registeredOn"));
        c.add(new Case("registered on 30 February", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "registeredOn", "2026-02-30"), 400, "registeredOn"));
        c.add(new Case("registered in 1999", "POST", fx -> "/api/v1/deals",
                fx -> registration(fx, "registeredOn", "1999-12-31"), 400, "registeredOn"));
        c.add(new Case("registration body over 10 MB", "POST", fx -> "/api/v1/deals",
                fx -> "{\"id\":\"" + fx.newId() + "\",\"company\":\"" + "x".repeat(BODY_LIMIT + 1024) + "\"}", 413,
                "body"));
        c.add(new Case("registration body is not JSON", "POST", fx -> "/api/v1/deals",
                fx -> "{\"id\":\"" + fx.newId() + "\",", 400, "body"));
        c.add(new Case("registration body is an array", "POST", fx -> "/api/v1/deals",
                fx -> "[\"" + fx.newId() + "\"]", 400, "body"));

        // 修改
        c.add(new Case("update with intended investment of 3 decimals", "PUT", fx -> deal(fx.talks(), ""),
                fx -> update(fx, "intendedInvestment", new BigDecimal("100.005")), 400, "intendedInvestment"));
        c.add(new Case("update with an industry of 31 characters", "PUT", fx -> deal(fx.talks(), ""),
                fx -> update(fx, "industry", "装".repeat(31)), 400, "industry"));
        c.add(new Case("update with a null contact", "PUT", fx -> deal(fx.talks(), ""),
                fx -> update(fx, "contacts", java.util.Arrays.asList(Map.of("name", "张经理", "phone",
                        "13800000000"), null)), 400, "contacts[1]"));
        c.add(new Case("update with contacts as an object", "PUT", fx -> deal(fx.talks(), ""),
                fx -> update(fx, "contacts", Map.of("name", "张经理")), 400, "contacts"));

        // 签约
        c.add(new Case("agreed amount is text", "POST", fx -> deal(fx.talks(), "/signing"),
                fx -> Map.of("agreedAmount", "三亿", "signedOn", yesterday), 400, "agreedAmount"));
        c.add(new Case("agreed amount zero", "POST", fx -> deal(fx.talks(), "/signing"),
                fx -> Map.of("agreedAmount", 0, "signedOn", yesterday), 400, "agreedAmount"));
        c.add(new Case("agreed amount with 3 decimals", "POST", fx -> deal(fx.talks(), "/signing"),
                fx -> Map.of("agreedAmount", new BigDecimal("8000.125"), "signedOn", yesterday), 400,
                "agreedAmount"));
        c.add(new Case("signed tomorrow", "POST", fx -> deal(fx.talks(), "/signing"),
                fx -> Map.of("agreedAmount", 8000, "signedOn", tomorrow), 400, "signedOn"));
        c.add(new Case("signed before the deal was registered", "POST", fx -> deal(fx.talks(), "/signing"),
                fx -> Map.of("agreedAmount", 8000, "signedOn", today().minusDays(61).toString()), 400, "signedOn"));
        c.add(new Case("signing date is not a date", "POST", fx -> deal(fx.talks(), "/signing"),
                fx -> Map.of("agreedAmount", 8000, "signedOn", "下周二"), 400, "signedOn"));
        c.add(new Case("signing without a date", "POST", fx -> deal(fx.talks(), "/signing"),
                fx -> Map.of("agreedAmount", 8000), 400, "signedOn"));
        c.add(new Case("signing a signed deal again", "POST", fx -> deal(fx.signed(), "/signing"),
                fx -> Map.of("agreedAmount", 8000, "signedOn", yesterday), 409, "stage"));
        c.add(new Case("signing an unknown deal", "POST", fx -> deal(fx.newId(), "/signing"),
                fx -> Map.of("agreedAmount", 8000, "signedOn", yesterday), 404, "id"));

        // 资金到位
        c.add(new Case("funds before signing", "POST", fx -> deal(fx.talks(), "/funds"),
                fx -> Map.of("arrivedOn", yesterday, "amount", 500), 400, "stage"));
        c.add(new Case("funds arrived before the signing date", "POST", fx -> deal(fx.signed(), "/funds"),
                fx -> Map.of("arrivedOn", today().minusDays(31).toString(), "amount", 500), 400, "arrivedOn"));
        c.add(new Case("funds arriving tomorrow", "POST", fx -> deal(fx.signed(), "/funds"),
                fx -> Map.of("arrivedOn", tomorrow, "amount", 500), 400, "arrivedOn"));
        c.add(new Case("funds amount negative", "POST", fx -> deal(fx.signed(), "/funds"),
                fx -> Map.of("arrivedOn", yesterday, "amount", -500), 400, "amount"));
        c.add(new Case("funds amount with 3 decimals", "POST", fx -> deal(fx.signed(), "/funds"),
                fx -> Map.of("arrivedOn", yesterday, "amount", new BigDecimal("500.001")), 400, "amount"));
        c.add(new Case("funds amount is a list", "POST", fx -> deal(fx.signed(), "/funds"),
                fx -> Map.of("arrivedOn", yesterday, "amount", List.of(500)), 400, "amount"));

        // 落地
        c.add(new Case("landing before signing", "POST", fx -> deal(fx.talks(), "/landing"),
                fx -> Map.of("landedOn", yesterday), 409, "stage"));
        c.add(new Case("landed before the signing date", "POST", fx -> deal(fx.signed(), "/landing"),
                fx -> Map.of("landedOn", today().minusDays(31).toString()), 400, "landedOn"));
        c.add(new Case("landing without a date", "POST", fx -> deal(fx.signed(), "/landing"),
                fx -> Map.of("projectName", "智能装备制造基地"), 400, "landedOn"));
        c.add(new Case("landing category unknown", "POST", fx -> deal(fx.signed(), "/landing"),
                fx -> Map.of("landedOn", yesterday, "category", "FACTORY"), 400, "category"));
        c.add(new Case("landing category given as a number", "POST", fx -> deal(fx.signed(), "/landing"),
                fx -> Map.of("landedOn", yesterday, "category", 0), 400, "category"));
        c.add(new Case("landing project code in lower case", "POST", fx -> deal(fx.signed(), "/landing"),
                fx -> Map.of("landedOn", yesterday, "projectCode", "zs-abc-1"), 400, "projectCode"));
        c.add(new Case("landing project name is a $where string", "POST", fx -> deal(fx.signed(), "/landing"),
                fx -> Map.of("landedOn", yesterday, "projectName", "$where"), 400, "projectName"));
        c.add(new Case("planned completion before planned start", "POST", fx -> deal(fx.signed(), "/landing"),
                fx -> Map.of("landedOn", yesterday, "plannedStart", "2027-06-01", "plannedCompletion", "2027-01-01"),
                400, "plannedCompletion"));
        c.add(new Case("planned start in 2200", "POST", fx -> deal(fx.signed(), "/landing"),
                fx -> Map.of("landedOn", yesterday, "plannedStart", "2200-01-01"), 400, "plannedStart"));

        // 终止
        c.add(new Case("termination without a reason", "POST", fx -> deal(fx.talks(), "/termination"),
                fx -> Map.of("terminatedOn", yesterday, "reason", "  "), 400, "reason"));
        c.add(new Case("termination reason embeds a {$gt} operator", "POST", fx -> deal(fx.talks(), "/termination"),
                fx -> Map.of("terminatedOn", yesterday, "reason", "{$gt: ''}"), 400, "reason"));
        c.add(new Case("terminated tomorrow", "POST", fx -> deal(fx.talks(), "/termination"),
                fx -> Map.of("terminatedOn", tomorrow, "reason", "企业投资计划调整"), 400, "terminatedOn"));
        c.add(new Case("terminated before signing", "POST", fx -> deal(fx.signed(), "/termination"),
                fx -> Map.of("terminatedOn", today().minusDays(31).toString(), "reason", "企业投资计划调整"), 400,
                "terminatedOn"));
        c.add(new Case("termination body is a string", "POST", fx -> deal(fx.talks(), "/termination"),
                fx -> "\"企业投资计划调整\"", 400, "body"));

        // 招商漏斗
        c.add(new Case("funnel from month 13", "GET", fx -> "/api/v1/deals/funnel?from=2026-13&to=" + thisMonth,
                fx -> null, 400, "from"));
        c.add(new Case("funnel without from", "GET", fx -> "/api/v1/deals/funnel?to=" + thisMonth,
                fx -> null, 400, "from"));
        c.add(new Case("funnel to before from", "GET", fx -> "/api/v1/deals/funnel?from=" + thisMonth + "&to=2020-01",
                fx -> null, 400, "to"));
        c.add(new Case("funnel over more than 5 years", "GET", fx -> "/api/v1/deals/funnel?from=2010-01&to="
                + thisMonth, fx -> null, 400, "to"));
        return c;
    }

    @Test
    void theTableHasAtLeastTwentyDistinctCases() {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(new HashSet<>(all.stream().map(Case::name).toList())).hasSameSizeAs(all);
    }

    @Test
    void theProbeSeesAnAcceptedChange() {
        Fx fx = fixture();
        Map<String, Object> before = snapshot(fx);
        ApiClient.Response r = api().post(deal(fx.signed(), "/funds"), staff(fx.unit()),
                Map.of("arrivedOn", today().minusDays(1).toString(), "amount", 500));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, Object> after = snapshot(fx);
        assertThat(after.get("deal " + fx.signed())).isNotEqualTo(before.get("deal " + fx.signed()));
        assertThat(after.get("deal " + fx.signed() + ": trail"))
                .isNotEqualTo(before.get("deal " + fx.signed() + ": trail"));
        assertThat(after.get("deal " + fx.signed() + ": events"))
                .isEqualTo((Integer) before.get("deal " + fx.signed() + ": events") + 1);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void refusedNamingTheFieldAndNothingChanges(Case c) {
        Fx fx = fixture();
        Map<String, Object> before = snapshot(fx);

        Object body = c.body().apply(fx);
        ApiClient.Response r = api().send(c.method(), c.path().apply(fx), staff(fx.unit()), body,
                body == null ? null : "application/json");

        String shown = r.body() == null || r.body().length() < 2000 ? r.body() : r.body().substring(0, 2000);
        assertThat(r.status()).as(shown).isBetween(400, 499).isEqualTo(c.status());
        assertThat(r.contentType()).as(shown).startsWith("application/problem+json");
        assertThat(fields(r.json())).as(shown).contains(c.field());
        assertThat(snapshot(fx)).isEqualTo(before);
    }

    private Fx fixture() {
        String unit = uniqueCode("BU");
        String talks = uniqueCode("DT");
        register(unit, talks, 60);
        String signed = uniqueCode("DS");
        register(unit, signed, 60);
        ApiClient.Response s = api().post(deal(signed, "/signing"), staff(unit),
                Map.of("agreedAmount", 30000, "signedOn", today().minusDays(30).toString()));
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        return new Fx(unit, talks, signed, uniqueCode("DN"));
    }

    private void register(String unit, String id, int daysAgo) {
        Map<String, Object> body = details(unit);
        body.put("id", id);
        body.put("registeredOn", today().minusDays(daysAgo).toString());
        ApiClient.Response r = api().post("/api/v1/deals", staff(unit), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private Map<String, Object> snapshot(Fx fx) {
        return probe.take(List.of(fx.unit()), List.of(fx.talks(), fx.signed(), fx.newId()));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static String deal(String id, String rest) {
        return "/api/v1/deals/" + id + rest;
    }

    /** A valid registration of the fixture's unit. */
    static Map<String, Object> details(String unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", "某某智能科技有限公司");
        body.put("industry", "高端装备");
        body.put("source", Map.of("kind", "VISIT"));
        body.put("intendedInvestment", 30000);
        body.put("unitCode", unit);
        body.put("contacts", List.of(Map.of("name", "张经理", "phone", "13800000000")));
        return body;
    }

    private static Map<String, Object> registration(Fx fx, String field, Object value) {
        Map<String, Object> body = details(fx.unit());
        body.put("id", fx.newId());
        return with(body, field, value);
    }

    private static Map<String, Object> update(Fx fx, String field, Object value) {
        return with(details(fx.unit()), field, value);
    }

    /** Copy with one field set; null is kept as an explicit JSON null. */
    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
