package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.contracts.promotion.SourceKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static gov.keyproject.promotion.deal.DealFixtures.AGREED;
import static gov.keyproject.promotion.deal.DealFixtures.LANDED;
import static gov.keyproject.promotion.deal.DealFixtures.REGISTERED;
import static gov.keyproject.promotion.deal.DealFixtures.SIGNED;
import static gov.keyproject.promotion.deal.DealFixtures.STARTED;
import static gov.keyproject.promotion.deal.DealFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every validation rule, each with the field it names ({@link DealRuleViolation#field()}). */
class DealValidationTest {

    private static final LocalDate TOMORROW = TODAY.plusDays(1);
    private static final LocalDate Y1999 = LocalDate.of(1999, 12, 31);

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("violations")
    void each_rule_names_its_field(String rule, ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DealRuleViolation.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field));
    }

    static Stream<Arguments> violations() {
        Deal negotiating = DealFixtures.inStage(DealStage.NEGOTIATING);
        Deal signed = DealFixtures.inStage(DealStage.SIGNED);
        Deal landed = DealFixtures.inStage(DealStage.LANDED);
        Deal started = DealFixtures.inStage(DealStage.STARTED);
        Deal terminated = DealFixtures.inStage(DealStage.TERMINATED);
        DealDetails ok = DealFixtures.details();
        return Stream.of(
                // register: id and registration date
                arguments("id missing", reg(null, ok, REGISTERED), "id"),
                arguments("id lower-case", reg("d-2026-1", ok, REGISTERED), "id"),
                arguments("id too short", reg("D1", ok, REGISTERED), "id"),
                arguments("id too long (ZS-<id> would exceed 40)", reg("D" + "1".repeat(37), ok, REGISTERED), "id"),
                arguments("id with a space", reg("D 2026", ok, REGISTERED), "id"),
                arguments("details missing", reg("D-1000", null, REGISTERED), "details"),
                arguments("registeredOn in the future", reg("D-1000", ok, TOMORROW), "registeredOn"),
                arguments("registeredOn before 2000", reg("D-1000", ok, Y1999), "registeredOn"),
                // details
                arguments("company blank", reg(details(" ", "智能装备", DealSource.visit(), "1", "U-1", null)), "company"),
                arguments("company null", reg(details(null, "智能装备", DealSource.visit(), "1", "U-1", null)), "company"),
                arguments("company too long", reg(details("企".repeat(61), "x", DealSource.visit(), "1", "U-1", null)),
                        "company"),
                arguments("company with control char", reg(details("某\u0001公司", "x", DealSource.visit(), "1", "U-1",
                        null)), "company"),
                arguments("company with $ operator", reg(details("$where", "x", DealSource.visit(), "1", "U-1", null)),
                        "company"),
                arguments("industry blank", reg(details("某公司", "", DealSource.visit(), "1", "U-1", null)), "industry"),
                arguments("industry too long", reg(details("某公司", "业".repeat(31), DealSource.visit(), "1", "U-1",
                        null)), "industry"),
                arguments("source missing", reg(details("某公司", "x", null, "1", "U-1", null)), "source"),
                arguments("source kind missing", reg(details("某公司", "x", new DealSource(null, null), "1", "U-1",
                        null)), "source.kind"),
                arguments("fair without its name", reg(details("某公司", "x", DealSource.fair(" "), "1", "U-1", null)),
                        "source.fairName"),
                arguments("fair name too long", reg(details("某公司", "x", DealSource.fair("会".repeat(51)), "1", "U-1",
                        null)), "source.fairName"),
                arguments("fair name on a visit", reg(details("某公司", "x", new DealSource(SourceKind.VISIT, "青洽会"),
                        "1", "U-1", null)), "source.fairName"),
                arguments("fair name online", reg(details("某公司", "x", new DealSource(SourceKind.ONLINE, "青洽会"),
                        "1", "U-1", null)), "source.fairName"),
                arguments("intended investment missing", reg(details("某公司", "x", DealSource.visit(), null, "U-1",
                        null)), "intendedInvestment"),
                arguments("intended investment negative", reg(details("某公司", "x", DealSource.visit(), "-0.01", "U-1",
                        null)), "intendedInvestment"),
                arguments("intended investment 3 decimals", reg(details("某公司", "x", DealSource.visit(), "1.001",
                        "U-1", null)), "intendedInvestment"),
                arguments("intended investment absurd", reg(details("某公司", "x", DealSource.visit(), "100000000.01",
                        "U-1", null)), "intendedInvestment"),
                arguments("unit missing", reg(details("某公司", "x", DealSource.visit(), "1", " ", null)), "unitCode"),
                arguments("unit too long", reg(details("某公司", "x", DealSource.visit(), "1", "U".repeat(33), null)),
                        "unitCode"),
                arguments("too many contacts", reg(details("某公司", "x", DealSource.visit(), "1", "U-1",
                        Collections.nCopies(11, new Contact("张三", "13800001111")))), "contacts"),
                arguments("contact null", reg(details("某公司", "x", DealSource.visit(), "1", "U-1",
                        nullContact())), "contacts[0]"),
                arguments("contact name blank", reg(details("某公司", "x", DealSource.visit(), "1", "U-1",
                        List.of(new Contact(" ", "13800001111")))), "contacts[0].name"),
                arguments("contact name too long", reg(details("某公司", "x", DealSource.visit(), "1", "U-1",
                        List.of(new Contact("名".repeat(51), "13800001111")))), "contacts[0].name"),
                arguments("contact phone blank", reg(details("某公司", "x", DealSource.visit(), "1", "U-1",
                        List.of(new Contact("张三", null)))), "contacts[0].phone"),
                arguments("second contact phone not a number", reg(details("某公司", "x", DealSource.visit(), "1",
                        "U-1", List.of(new Contact("张三", "0531-88886666"), new Contact("李四", "call me")))),
                        "contacts[1].phone"),
                arguments("contact phone too short", reg(details("某公司", "x", DealSource.visit(), "1", "U-1",
                        List.of(new Contact("张三", "12345")))), "contacts[0].phone"),
                arguments("update validates too", (ThrowingCallable) () -> negotiating.update(details("某公司", "x",
                        DealSource.visit(), "1", "", null)), "unitCode"),
                arguments("update without details", (ThrowingCallable) () -> negotiating.update(null), "details"),
                // sign
                arguments("agreed amount missing", (ThrowingCallable) () -> negotiating.sign(null, SIGNED, TODAY),
                        "agreedAmount"),
                arguments("agreed amount zero", (ThrowingCallable) () -> negotiating.sign(BigDecimal.ZERO, SIGNED,
                        TODAY), "agreedAmount"),
                arguments("agreed amount negative", (ThrowingCallable) () -> negotiating.sign(new BigDecimal("-1"),
                        SIGNED, TODAY), "agreedAmount"),
                arguments("agreed amount 3 decimals", (ThrowingCallable) () -> negotiating.sign(
                        new BigDecimal("100.123"), SIGNED, TODAY), "agreedAmount"),
                arguments("agreed amount absurd", (ThrowingCallable) () -> negotiating.sign(
                        new BigDecimal("100000001"), SIGNED, TODAY), "agreedAmount"),
                arguments("signedOn missing", (ThrowingCallable) () -> negotiating.sign(AGREED, null, TODAY),
                        "signedOn"),
                arguments("signedOn in the future", (ThrowingCallable) () -> negotiating.sign(AGREED, TOMORROW, TODAY),
                        "signedOn"),
                arguments("signedOn before registration", (ThrowingCallable) () -> negotiating.sign(AGREED,
                        REGISTERED.minusDays(1), TODAY), "signedOn"),
                // funds
                arguments("funds before signing", (ThrowingCallable) () -> negotiating.recordFunds(TODAY,
                        BigDecimal.TEN, TODAY), "stage"),
                arguments("funds after termination", (ThrowingCallable) () -> terminated.recordFunds(TODAY,
                        BigDecimal.TEN, TODAY), "stage"),
                arguments("funds after termination of a signed deal", (ThrowingCallable) () -> signed
                        .terminate(LANDED, "撤资", TODAY).after().recordFunds(TODAY, BigDecimal.TEN, TODAY), "stage"),
                arguments("funds amount missing", (ThrowingCallable) () -> signed.recordFunds(TODAY, null, TODAY),
                        "amount"),
                arguments("funds amount zero", (ThrowingCallable) () -> signed.recordFunds(TODAY, new BigDecimal("0.00"),
                        TODAY), "amount"),
                arguments("funds amount negative", (ThrowingCallable) () -> signed.recordFunds(TODAY,
                        new BigDecimal("-5"), TODAY), "amount"),
                arguments("funds amount 3 decimals", (ThrowingCallable) () -> signed.recordFunds(TODAY,
                        new BigDecimal("5.005"), TODAY), "amount"),
                arguments("arrivedOn missing", (ThrowingCallable) () -> signed.recordFunds(null, BigDecimal.TEN,
                        TODAY), "arrivedOn"),
                arguments("arrivedOn in the future", (ThrowingCallable) () -> signed.recordFunds(TOMORROW,
                        BigDecimal.TEN, TODAY), "arrivedOn"),
                arguments("arrivedOn before signing", (ThrowingCallable) () -> signed.recordFunds(SIGNED.minusDays(1),
                        BigDecimal.TEN, TODAY), "arrivedOn"),
                // land
                arguments("landing missing", (ThrowingCallable) () -> signed.land(null, TODAY), "landedOn"),
                arguments("landedOn missing", (ThrowingCallable) () -> signed.land(null, null, TODAY), "landedOn"),
                arguments("landedOn in the future", (ThrowingCallable) () -> signed.land(TOMORROW, null, TODAY),
                        "landedOn"),
                arguments("landedOn before signing", (ThrowingCallable) () -> signed.land(SIGNED.minusDays(1), null,
                        TODAY), "landedOn"),
                arguments("project code lower-case", (ThrowingCallable) () -> signed.land(LANDED, "zs-1234", TODAY),
                        "projectCode"),
                arguments("project code too short", (ThrowingCallable) () -> signed.land(LANDED, "A1", TODAY),
                        "projectCode"),
                arguments("project code too long", (ThrowingCallable) () -> signed.land(LANDED, "A".repeat(41),
                        TODAY), "projectCode"),
                arguments("project name too long", (ThrowingCallable) () -> signed.land(new Landing(LANDED, null,
                        "项".repeat(101), null, null, null), TODAY), "projectName"),
                arguments("planned start out of range", (ThrowingCallable) () -> signed.land(new Landing(LANDED, null,
                        null, ProjectCategory.INDUSTRIAL, LocalDate.of(2101, 1, 1), null), TODAY), "plannedStart"),
                arguments("planned completion out of range", (ThrowingCallable) () -> signed.land(new Landing(LANDED,
                        null, null, null, null, Y1999), TODAY), "plannedCompletion"),
                arguments("planned completion before planned start", (ThrowingCallable) () -> signed.land(
                        new Landing(LANDED, null, null, null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 8, 31)),
                        TODAY), "plannedCompletion"),
                // start, produce
                arguments("startedOn missing", (ThrowingCallable) () -> landed.start(null, TODAY), "startedOn"),
                arguments("startedOn in the future", (ThrowingCallable) () -> landed.start(TOMORROW, TODAY),
                        "startedOn"),
                arguments("startedOn before landing", (ThrowingCallable) () -> landed.start(LANDED.minusDays(1), TODAY),
                        "startedOn"),
                arguments("producingOn missing", (ThrowingCallable) () -> started.produce(null, TODAY), "producingOn"),
                arguments("producingOn in the future", (ThrowingCallable) () -> started.produce(TOMORROW, TODAY),
                        "producingOn"),
                arguments("producingOn before start", (ThrowingCallable) () -> started.produce(STARTED.minusDays(1),
                        TODAY), "producingOn"),
                // terminate
                arguments("terminatedOn missing", (ThrowingCallable) () -> signed.terminate(null, "x", TODAY),
                        "terminatedOn"),
                arguments("terminatedOn in the future", (ThrowingCallable) () -> signed.terminate(TOMORROW, "x", TODAY),
                        "terminatedOn"),
                arguments("terminatedOn before the last stage date", (ThrowingCallable) () -> started.terminate(
                        STARTED.minusDays(1), "x", TODAY), "terminatedOn"),
                arguments("terminatedOn before registration", (ThrowingCallable) () -> negotiating.terminate(
                        REGISTERED.minusDays(1), "x", TODAY), "terminatedOn"),
                arguments("reason blank", (ThrowingCallable) () -> signed.terminate(LANDED, "  ", TODAY), "reason"),
                arguments("reason missing", (ThrowingCallable) () -> signed.terminate(LANDED, null, TODAY), "reason"),
                arguments("reason too long", (ThrowingCallable) () -> signed.terminate(LANDED, "因".repeat(201), TODAY),
                        "reason"));
    }

    private static ThrowingCallable reg(String id, DealDetails details, LocalDate registeredOn) {
        return () -> Deal.register(id, details, registeredOn, TODAY);
    }

    private static ThrowingCallable reg(DealDetails details) {
        return reg("D-1000", details, REGISTERED);
    }

    private static DealDetails details(String company, String industry, DealSource source, String amount, String unit,
                                       List<Contact> contacts) {
        return new DealDetails(company, industry, source, amount == null ? null : new BigDecimal(amount), unit,
                contacts);
    }

    private static List<Contact> nullContact() {
        List<Contact> list = new ArrayList<>();
        list.add(null);
        return list;
    }
}
