package gov.keyproject.registry.project;

import gov.keyproject.registry.project.ProjectFixtures.Data;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static gov.keyproject.registry.project.ProjectFixtures.data;
import static gov.keyproject.registry.project.ProjectFixtures.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of {@link ProjectData#validated()}: one broken column per row, and the field the error names. */
class ProjectDataTest {

    private static Arguments row(String rule, Consumer<Data> change, String field) {
        return Arguments.of(rule, change, field);
    }

    private static Map<String, BigDecimal> planned(String year, BigDecimal amount) {
        Map<String, BigDecimal> m = new HashMap<>();
        m.put(year, amount);
        return m;
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                row("name missing", d -> d.name = null, "name"),
                row("name blank", d -> d.name = "   ", "name"),
                row("name longer than 100", d -> d.name = repeat('项', 101), "name"),
                row("name with a control character", d -> d.name = "产业园\u0007一期", "name"),
                row("name with a $ operator", d -> d.name = "$where", "name"),
                row("category missing", d -> d.category = null, "category"),
                row("level missing", d -> d.level = null, "level"),
                row("construction type missing", d -> d.constructionType = null, "constructionType"),
                row("total investment missing", d -> d.totalInvestment = null, "totalInvestment"),
                row("total investment negative", d -> d.totalInvestment = new BigDecimal("-1"), "totalInvestment"),
                row("total investment zero", d -> d.totalInvestment = BigDecimal.ZERO, "totalInvestment"),
                row("total investment 0.00", d -> d.totalInvestment = new BigDecimal("0.00"), "totalInvestment"),
                row("total investment with 3 decimals", d -> d.totalInvestment = new BigDecimal("52000.001"),
                        "totalInvestment"),
                row("total investment absurdly large", d -> d.totalInvestment = new BigDecimal("100000000.01"),
                        "totalInvestment"),
                row("planned year 1999", d -> d.plannedInvestment = planned("1999", BigDecimal.ONE),
                        "plannedInvestment.1999"),
                row("planned year 2101", d -> d.plannedInvestment = planned("2101", BigDecimal.ONE),
                        "plannedInvestment.2101"),
                row("planned year of two digits", d -> d.plannedInvestment = planned("26", BigDecimal.ONE),
                        "plannedInvestment.26"),
                row("planned year not a number", d -> d.plannedInvestment = planned("二〇二六", BigDecimal.ONE),
                        "plannedInvestment.二〇二六"),
                row("planned year missing", d -> d.plannedInvestment = planned(null, BigDecimal.ONE),
                        "plannedInvestment.null"),
                row("planned amount missing", d -> d.plannedInvestment = planned("2026", null),
                        "plannedInvestment.2026"),
                row("planned amount negative", d -> d.plannedInvestment = planned("2026", new BigDecimal("-5")),
                        "plannedInvestment.2026"),
                row("planned amount with 3 decimals",
                        d -> d.plannedInvestment = planned("2026", new BigDecimal("18000.125")),
                        "plannedInvestment.2026"),
                row("planned sum above total", d -> d.plannedInvestment = new HashMap<>(Map.of(
                        "2026", new BigDecimal("18000"), "2027", new BigDecimal("34000.01"))), "plannedInvestment"),
                row("planned completion before planned start", d -> {
                    d.plannedStart = LocalDate.of(2026, 3, 1);
                    d.plannedCompletion = LocalDate.of(2026, 2, 28);
                }, "plannedCompletion"),
                row("planned start before 2000", d -> d.plannedStart = LocalDate.of(1999, 12, 31), "plannedStart"),
                row("planned start after 2100", d -> {
                    d.plannedStart = LocalDate.of(2101, 1, 1);
                    d.plannedCompletion = null;
                }, "plannedStart"),
                row("planned completion after 2100", d -> d.plannedCompletion = LocalDate.of(2101, 1, 1),
                        "plannedCompletion"),
                row("planned completion before 2000", d -> {
                    d.plannedStart = null;
                    d.plannedCompletion = LocalDate.of(1999, 1, 1);
                }, "plannedCompletion"),
                row("latitude without longitude", d -> d.longitude = null, "longitude"),
                row("longitude without latitude", d -> d.latitude = null, "latitude"),
                row("latitude above 90", d -> d.latitude = new BigDecimal("90.000001"), "latitude"),
                row("latitude below -90", d -> d.latitude = new BigDecimal("-90.1"), "latitude"),
                row("longitude above 180", d -> d.longitude = new BigDecimal("180.5"), "longitude"),
                row("longitude below -180", d -> d.longitude = new BigDecimal("-181"), "longitude"),
                row("unit missing", d -> d.unitCode = null, "unitCode"),
                row("unit blank", d -> d.unitCode = " ", "unitCode"),
                row("unit longer than 32", d -> d.unitCode = repeat('U', 33), "unitCode"),
                row("township longer than 50", d -> d.township = repeat('镇', 51), "township"),
                row("township with a control character", d -> d.township = "城关\u001b镇", "township"),
                row("linked leader longer than 50", d -> d.linkedLeader = repeat('李', 51), "linkedLeader"),
                row("owner longer than 100", d -> d.owner = repeat('企', 101), "owner"),
                row("owner with a {$ operator", d -> d.owner = "x{$ne: null}", "owner"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("violations")
    void each_rule_is_enforced_and_names_its_field(String rule, Consumer<Data> change, String field) {
        ProjectData bad = data(change);
        assertThatThrownBy(bad::validated)
                .isInstanceOfSatisfying(ProjectRuleViolation.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                row("name of exactly 100", d -> d.name = repeat('项', 100), null),
                row("total at the maximum", d -> {
                    d.totalInvestment = Texts.MAX_AMOUNT;
                    d.plannedInvestment = null;
                }, null),
                row("total of 0.01", d -> {
                    d.totalInvestment = new BigDecimal("0.01");
                    d.plannedInvestment = Map.of();
                }, null),
                row("planned sum equal to total", d -> d.totalInvestment = new BigDecimal("52000.00"), null),
                row("planned years 2000 and 2100", d -> d.plannedInvestment = Map.of(
                        "2000", BigDecimal.ONE, "2100", BigDecimal.ONE), null),
                row("planned amount zero", d -> d.plannedInvestment = Map.of("2026", BigDecimal.ZERO), null),
                row("no planned investment", d -> d.plannedInvestment = null, null),
                row("completion on the start day", d -> d.plannedCompletion = d.plannedStart, null),
                row("dates on 2000-01-01 and 2100-12-31", d -> {
                    d.plannedStart = LocalDate.of(2000, 1, 1);
                    d.plannedCompletion = LocalDate.of(2100, 12, 31);
                }, null),
                row("no planned dates", d -> {
                    d.plannedStart = null;
                    d.plannedCompletion = null;
                }, null),
                row("no coordinates", d -> {
                    d.latitude = null;
                    d.longitude = null;
                }, null),
                row("coordinates at ±90 / ±180", d -> {
                    d.latitude = new BigDecimal("-90");
                    d.longitude = new BigDecimal("180");
                }, null),
                row("unit of exactly 32", d -> d.unitCode = repeat('U', 32), null),
                row("township of exactly 50", d -> d.township = repeat('镇', 50), null),
                row("linked leader of exactly 50", d -> d.linkedLeader = repeat('李', 50), null),
                row("owner of exactly 100", d -> d.owner = repeat('企', 100), null),
                row("optional texts missing", d -> {
                    d.township = null;
                    d.linkedLeader = " ";
                    d.owner = "";
                }, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaries")
    void boundary_values_are_accepted(String rule, Consumer<Data> change, String ignored) {
        ProjectData ok = data(change);
        assertThat(ok.validated()).isNotNull();
    }

    @Test
    void validated_data_is_normalized() {
        Map<String, BigDecimal> planned = new LinkedHashMap<>();
        planned.put("2027", new BigDecimal("34000"));
        planned.put("2026", new BigDecimal("17999.5"));
        ProjectData v = data(d -> {
            d.name = "  城东新能源电池产业园一期 ";
            d.totalInvestment = new BigDecimal("52000");
            d.plannedInvestment = planned;
            d.township = " 城关镇 ";
            d.unitCode = " U-CG ";
            d.linkedLeader = "   ";
            d.owner = "";
        }).validated();

        assertThat(v.name()).isEqualTo("城东新能源电池产业园一期");
        assertThat(v.totalInvestment()).isEqualTo(new BigDecimal("52000.00"));
        assertThat(v.plannedInvestment()).containsExactly(
                Map.entry("2026", new BigDecimal("17999.50")), Map.entry("2027", new BigDecimal("34000.00")));
        assertThat(v.township()).isEqualTo("城关镇");
        assertThat(v.unitCode()).isEqualTo("U-CG");
        assertThat(v.linkedLeader()).isNull();
        assertThat(v.owner()).isNull();
    }

    @Test
    void missing_planned_investment_becomes_an_empty_plan() {
        ProjectData v = data(d -> d.plannedInvestment = null).validated();
        assertThat(v.plannedInvestment()).isEmpty();
        assertThat(v.plannedFor(2026)).isEqualByComparingTo("0");
    }

    @Test
    void planned_for_a_year_is_that_years_plan_or_zero() {
        ProjectData v = data().validated();
        assertThat(v.plannedFor(2026)).isEqualByComparingTo("18000");
        assertThat(v.plannedFor(2027)).isEqualByComparingTo("34000");
        assertThat(v.plannedFor(2028)).isEqualByComparingTo("0");
        assertThat(data(d -> d.plannedInvestment = null).plannedFor(2026)).isEqualByComparingTo("0");
    }

    @Test
    void validating_twice_changes_nothing() {
        ProjectData once = data().validated();
        assertThat(once.validated()).isEqualTo(once);
    }
}
