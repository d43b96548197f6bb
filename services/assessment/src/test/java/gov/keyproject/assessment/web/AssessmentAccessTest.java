package gov.keyproject.assessment.web;

import gov.keyproject.assessment.AssessmentIntegrationTest;
import gov.keyproject.assessment.Inputs;
import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.devstack.ApiClient;
import gov.keyproject.platform.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, and bad input: every write endpoint in the published OpenAPI document is tried with every wrong
 * caller (refused 401/403 as problem+json, the notice and the lists unchanged), then bad requests are refused 4xx
 * naming the field, and nothing changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentAccessTest extends AssessmentIntegrationTest {

    private static final String REGISTRY = "/keyproject/project-registry";

    private String unit;
    private String otherUnit;
    private String noticeId;

    enum Access { OWN_UNIT_SYSTEM, OPERATOR }

    record Endpoint(String method, String template, Access access) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static final List<Endpoint> WRITES = List.of(
            new Endpoint("POST", "/api/v1/notices/{id}/acknowledge", Access.OWN_UNIT_SYSTEM),
            new Endpoint("POST", "/api/v1/notices/{id}/rectify", Access.OWN_UNIT_SYSTEM),
            new Endpoint("POST", "/api/v1/notices/{id}/close", Access.OPERATOR),
            new Endpoint("POST", "/api/v1/notices/{id}/reject", Access.OPERATOR),
            new Endpoint("PUT", "/api/v1/lists/{unitCode}", Access.OPERATOR),
            new Endpoint("DELETE", "/api/v1/lists/{unitCode}", Access.OPERATOR),
            new Endpoint("POST", "/api/v1/sweeps", Access.OPERATOR));

    @BeforeAll
    void fixture() {
        clock.setDay(LocalDate.of(2026, 3, 10));
        unit = unique("TS");
        otherUnit = unique("TS");
        Inputs.Project p = new Inputs.Project(unique("P"), unit, 2026, "500", LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 1, 5));
        publish(REGISTRY, new UnitRegistered(unit, "甲镇" + unit, UnitKind.TOWNSHIP), 1);
        publish(REGISTRY, new UnitRegistered(otherUnit, "乙镇" + otherUnit, UnitKind.TOWNSHIP), 1);
        publish(REGISTRY, new ProjectRegistered(p.snapshot()), p.next());
        noticeId = await().atMost(Duration.ofSeconds(30)).until(
                () -> api().get("/api/v1/projects/" + p.code + "/warning", viewer()),
                r -> r.status() == 200 && r.json().get("notices").size() > 0).json()
                .get("notices").get(0).get("noticeId").asString();
    }

    @Test
    void theListCoversEveryWriteEndpointOfTheOpenApiDocument() {
        JsonNode paths = api().get("/v3/api-docs", null).json().get("paths");
        TreeSet<String> documented = new TreeSet<>();
        paths.properties().forEach(e -> e.getValue().properties().forEach(m -> {
            String method = m.getKey().toUpperCase();
            if (!method.equals("GET") && !e.getKey().endsWith("/rebuild")) {
                documented.add(method + " " + e.getKey());
            }
        }));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(WRITES.stream().map(Endpoint::toString).toList());
    }

    Stream<Object[]> refusals() {
        List<Object[]> cases = new ArrayList<>();
        for (Endpoint e : WRITES) {
            cases.add(new Object[]{e, "no token", null, 401});
            cases.add(new Object[]{e, "forged operator token", "forged", 401});
            cases.add(new Object[]{e, "viewer", "viewer", 403});
            cases.add(new Object[]{e, "statistics feed", "feed", 403});
            cases.add(new Object[]{e, "another unit's system", "other", 403});
            cases.add(new Object[]{e, e.access() == Access.OPERATOR ? "the unit's own system" : "an operator",
                    e.access() == Access.OPERATOR ? "own" : "operator", 403});
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} by {1} → {3}")
    @MethodSource("refusals")
    void wrongCallersAreRefusedAndNothingChanges(Endpoint endpoint, String who, String token, int status) {
        String before = state();
        ApiClient.Response r = call(endpoint, token(token));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(state()).isEqualTo(before);
    }

    Stream<Object[]> badRequests() {
        return Stream.of(
                new Object[]{"POST", "/api/v1/notices/{id}/rectify", Map.of(), "own", 400, "text"},
                new Object[]{"POST", "/api/v1/notices/{id}/rectify", Map.of("text", "  "), "own", 400, "text"},
                new Object[]{"POST", "/api/v1/notices/{id}/rectify", Map.of("text", "长".repeat(2001)), "own", 400,
                        "text"},
                new Object[]{"POST", "/api/v1/notices/{id}/reject", Map.of(), "operator", 400, "text"},
                new Object[]{"POST", "/api/v1/notices/{id}/close", Map.of(), "operator", 409, "status"},
                new Object[]{"POST", "/api/v1/notices/NOPE_1/acknowledge", Map.of(), "own", 404, null},
                new Object[]{"POST", "/api/v1/notices/nonsense/close", Map.of(), "operator", 404, null},
                new Object[]{"PUT", "/api/v1/lists/{unitCode}", Map.of("list", "GOLD", "reason", "x"), "operator",
                        400, "list"},
                new Object[]{"PUT", "/api/v1/lists/{unitCode}", Map.of("list", "EXEMPT"), "operator", 400, "reason"},
                new Object[]{"PUT", "/api/v1/lists/{unitCode}", Map.of("list", "EXEMPT", "reason", "长".repeat(501)),
                        "operator", 400, "reason"},
                new Object[]{"PUT", "/api/v1/lists/NO-SUCH-UNIT", Map.of("list", "EXEMPT", "reason", "x"),
                        "operator", 404, null},
                new Object[]{"PUT", "/api/v1/lists/{unitCode}", "{not json", "operator", 400, null},
                new Object[]{"DELETE", "/api/v1/lists/{unitCode}?list=GOLD", null, "operator", 400, "list"},
                new Object[]{"DELETE", "/api/v1/lists/{unitCode}?list=EXEMPT", null, "operator", 404, null},
                new Object[]{"GET", "/api/v1/rankings/TOWNSHIP?period=2026-13", null, "viewer", 400, "period"},
                new Object[]{"GET", "/api/v1/rankings/VILLAGE", null, "viewer", 400, null},
                new Object[]{"GET", "/api/v1/bulletins/202603", null, "viewer", 400, "period"},
                new Object[]{"GET", "/api/v1/bulletins/1999-01", null, "viewer", 404, null},
                new Object[]{"GET", "/api/v1/notices?colour=PURPLE", null, "viewer", 400, null});
    }

    @ParameterizedTest(name = "{0} {1} {2} → {4}")
    @MethodSource("badRequests")
    void badInputIsRefusedNamingTheFieldAndChangesNothing(String method, String template, Object body, String who,
                                                        int status, String field) {
        String before = state();
        String path = template.replace("{id}", noticeId).replace("{unitCode}", unit);
        ApiClient.Response r = api().send(method, path, token(who), body, body == null ? null : "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("errors").findValuesAsString("field")).as(r.body()).contains(field);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aUnitCannotBeOnBothLists() {
        assertThat(api().put("/api/v1/lists/" + otherUnit, operator(), Map.of("list", "NEGATIVE", "reason", "庸懒散"))
                .status()).isEqualTo(200);
        ApiClient.Response both = api().put("/api/v1/lists/" + otherUnit, operator(),
                Map.of("list", "EXEMPT", "reason", "表现突出"));
        assertThat(both.status()).isEqualTo(409);
        assertThat(both.json().get("currentList").asString()).isEqualTo("NEGATIVE");
        JsonNode ranking = await().atMost(Duration.ofSeconds(30)).until(
                () -> api().get("/api/v1/rankings/TOWNSHIP", viewer()).json(),
                r -> r.toString().contains(otherUnit));
        List<String> black = new ArrayList<>();
        ranking.get("blackList").forEach(n -> black.add(n.asString()));
        assertThat(black).contains(otherUnit);
        assertThat(api().send("DELETE", "/api/v1/lists/" + otherUnit + "?list=NEGATIVE", operator(), null, null)
                .status()).isEqualTo(204);
    }

    private ApiClient.Response call(Endpoint e, String token) {
        String path = e.template().replace("{id}", noticeId).replace("{unitCode}", unit);
        Object body = switch (e.template().substring(e.template().lastIndexOf('/') + 1)) {
            case "rectify", "reject", "close", "acknowledge" -> Map.of("text", "说明");
            case "{unitCode}" -> e.method().equals("PUT") ? Map.of("list", "EXEMPT", "reason", "表现突出") : null;
            default -> null;
        };
        if (e.method().equals("DELETE")) {
            path += "?list=EXEMPT";
        }
        return api().send(e.method(), path, token, body, body == null ? null : "application/json");
    }

    private String token(String who) {
        if (who == null) {
            return null;
        }
        return switch (who) {
            case "forged" -> {
                String real = operator();
                yield real.substring(0, real.lastIndexOf('.') + 1) + "Zm9yZ2Vk";
            }
            case "viewer" -> viewer();
            case "feed" -> servers.token("feed-tjj", null, Role.STATISTICS_FEED);
            case "other" -> unitSystem(otherUnit);
            case "own" -> unitSystem(unit);
            case "operator" -> operator();
            default -> throw new IllegalArgumentException(who);
        };
    }

    /** What a refused or bad request must not change: the notice with its trail, and the lists. */
    private String state() {
        return api().get("/api/v1/notices/" + noticeId, viewer()).body() + api().get("/api/v1/lists", viewer()).body();
    }
}
