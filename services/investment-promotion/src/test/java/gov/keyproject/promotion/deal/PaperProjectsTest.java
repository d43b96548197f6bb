package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.contracts.promotion.PaperProjectCleared;
import gov.keyproject.contracts.promotion.PaperProjectFlagged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The paper-project rule (纸上项目) and its daily sweep, including a simulated year over 21 deals. */
class PaperProjectsTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 31);

    private static Deal signedOn(LocalDate signedOn) {
        return Deal.register("D-0001", DealFixtures.details(), signedOn, signedOn).after()
                .sign(new BigDecimal("1000"), signedOn, signedOn).after();
    }

    @ParameterizedTest(name = "signed {0}, day {1}: paper = {2}")
    @CsvSource(textBlock = """
            2026-01-01, 2026-01-01, false
            2026-01-01, 2026-06-30, false
            2026-01-01, 2026-07-01, true
            2026-01-01, 2026-07-02, true
            2026-01-01, 2026-12-31, true
            2025-12-31, 2026-06-29, false
            2025-12-31, 2026-06-30, true
            2024-03-01, 2024-08-29, true
            2024-03-01, 2024-08-28, false
            """)
    void the_181st_day_after_signing_is_the_first_paper_day(LocalDate signed, LocalDate day, boolean paper) {
        assertThat(PaperProjects.isPaper(signedOn(signed), day)).isEqualTo(paper);
        assertThat(PaperProjects.dueOn(signedOn(signed))).contains(signed.plusDays(181));
    }

    @Test
    void an_unsigned_deal_is_never_a_paper_project() {
        Deal d = DealFixtures.registered();
        assertThat(PaperProjects.isPaper(d, LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(PaperProjects.dueOn(d)).isEmpty();
        assertThat(PaperProjects.sweep(d, LocalDate.of(2030, 1, 1))).isEmpty();
    }

    @Test
    void landing_or_terminating_by_the_day_ends_it_and_later_does_not() {
        LocalDate signed = LocalDate.of(2026, 1, 1);
        LocalDate due = LocalDate.of(2026, 7, 1);
        Deal landedOnDue = signedOn(signed).land(due, null, due).after();
        assertThat(PaperProjects.isPaper(landedOnDue, due)).isFalse();
        assertThat(PaperProjects.isPaper(landedOnDue, due.minusDays(1))).isFalse(); // not yet 181 days
        Deal landedLater = signedOn(signed).land(due.plusDays(10), null, due.plusDays(10)).after();
        assertThat(PaperProjects.isPaper(landedLater, due.plusDays(9))).isTrue();
        assertThat(PaperProjects.isPaper(landedLater, due.plusDays(10))).isFalse();
        Deal terminated = signedOn(signed).terminate(due.plusDays(3), "x", due.plusDays(3)).after();
        assertThat(PaperProjects.isPaper(terminated, due.plusDays(2))).isTrue();
        assertThat(PaperProjects.isPaper(terminated, due.plusDays(3))).isFalse();
        Deal terminatedAfterLanding = signedOn(signed).land(due, null, due).after()
                .terminate(due.plusDays(5), "x", due.plusDays(5)).after();
        assertThat(PaperProjects.isPaper(terminatedAfterLanding, due.plusDays(30))).isFalse();
    }

    @Test
    void the_sweep_flags_once_and_then_stays_quiet() {
        Deal d = signedOn(LocalDate.of(2026, 1, 1));
        assertThat(PaperProjects.sweep(d, LocalDate.of(2026, 6, 30))).isEmpty();
        Deal.Change flag = PaperProjects.sweep(d, LocalDate.of(2026, 7, 1)).orElseThrow();
        assertThat(flag.events()).containsExactly(new PaperProjectFlagged("D-0001", "U-ZS-01",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)));
        assertThat(flag.action()).isEqualTo("标记纸上项目");
        assertThat(flag.diff().get("paperProject")).containsExactly(false, true);
        Deal flagged = flag.after();
        assertThat(flagged.paperProject()).isTrue();
        assertThat(flagged.snapshot().paperProject()).isTrue();
        assertThat(PaperProjects.sweep(flagged, LocalDate.of(2026, 7, 1))).isEmpty();
        assertThat(PaperProjects.sweep(flagged, LocalDate.of(2026, 12, 31))).isEmpty();
    }

    @Test
    void landing_a_flagged_deal_clears_the_flag_in_the_same_change() {
        Deal flagged = PaperProjects.sweep(signedOn(LocalDate.of(2026, 1, 1)), LocalDate.of(2026, 7, 1))
                .orElseThrow().after();
        Deal.Change land = flagged.land(LocalDate.of(2026, 7, 20), null, LocalDate.of(2026, 7, 21));
        assertThat(land.events()).last().isEqualTo(new PaperProjectCleared("D-0001", "U-ZS-01",
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 21), DealStage.LANDED));
        assertThat(land.diff().get("paperProject")).containsExactly(true, false);
        assertThat(land.after().paperProject()).isFalse();
        assertThat(land.after().state().paperFlaggedOn()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(PaperProjects.sweep(land.after(), LocalDate.of(2026, 12, 31))).isEmpty();
    }

    @Test
    void terminating_a_flagged_deal_clears_the_flag_in_the_same_change() {
        Deal flagged = PaperProjects.sweep(signedOn(LocalDate.of(2026, 1, 1)), LocalDate.of(2026, 7, 1))
                .orElseThrow().after();
        Deal.Change t = flagged.terminate(LocalDate.of(2026, 8, 1), "企业放弃", LocalDate.of(2026, 8, 1));
        assertThat(t.events()).last().isEqualTo(new PaperProjectCleared("D-0001", "U-ZS-01",
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1), DealStage.TERMINATED));
        assertThat(t.after().paperProject()).isFalse();
        assertThat(PaperProjects.sweep(t.after(), LocalDate.of(2026, 12, 31))).isEmpty();
    }

    @Test
    void the_sweep_clears_a_flag_left_on_a_landed_or_terminated_deal() {
        for (DealStage cause : List.of(DealStage.LANDED, DealStage.TERMINATED)) {
            Deal moved = DealFixtures.moveTo(DealFixtures.inStage(DealStage.SIGNED), cause).after();
            DealState s = moved.state();
            Deal stale = new Deal(new DealState(s.id(), s.details(), s.stage(), s.registeredOn(), s.reached(),
                    s.signing(), s.funds(), s.termination(), s.projectCode(), LocalDate.of(2026, 5, 1), null));
            assertThat(PaperProjects.sweep(stale, DealFixtures.NEXT.minusDays(1))).isEmpty(); // not reached yet
            Deal.Change c = PaperProjects.sweep(stale, DealFixtures.NEXT).orElseThrow();
            assertThat(c.events()).containsExactly(new PaperProjectCleared("D-2026-0001", "U-ZS-01",
                    LocalDate.of(2026, 5, 1), DealFixtures.NEXT, cause));
            assertThat(c.action()).isEqualTo("解除纸上项目");
            assertThat(c.after().paperProject()).isFalse();
        }
    }

    @Test
    void paper_projects_count_in_the_rates_while_the_rule_holds() {
        Deal d = signedOn(LocalDate.of(2026, 1, 1));
        assertThat(PromotionRates.overall(List.of(d), LocalDate.of(2026, 6, 30)).paperProjects()).isZero();
        assertThat(PromotionRates.overall(List.of(d), LocalDate.of(2026, 7, 1)).paperProjects()).isEqualTo(1);
        Deal landed = d.land(LocalDate.of(2026, 8, 1), null, TODAY).after();
        assertThat(PromotionRates.overall(List.of(landed), LocalDate.of(2026, 7, 31)).paperProjects()).isEqualTo(1);
        assertThat(PromotionRates.overall(List.of(landed), LocalDate.of(2026, 8, 1)).paperProjects()).isZero();
    }

    // --------------------------------------------------------------------------------------- the simulated year

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 10, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 30);

    /** One deal's script: commands on the days they are recorded, and the hand-computed flag and clear days. */
    private static final class Script {
        final String id;
        final String unit;
        final Map<LocalDate, List<UnaryOperator<Deal>>> steps = new LinkedHashMap<>();
        LocalDate registerDay;
        LocalDate registeredOn;
        LocalDate expectedFlag;
        LocalDate expectedClear;

        Script(String id, String unit) {
            this.id = id;
            this.unit = unit;
        }

        Script register(String day) {
            return register(day, day);
        }

        /** Recorded on {@code day}, registered as of {@code registeredOn} (backfilled deals). */
        Script register(String day, String registeredOn) {
            this.registerDay = LocalDate.parse(day);
            this.registeredOn = LocalDate.parse(registeredOn);
            return this;
        }

        Script sign(String day) {
            return sign(day, day);
        }

        Script sign(String day, String signedOn) {
            return step(day, (d, today) -> d.sign(new BigDecimal("5000"), LocalDate.parse(signedOn), today));
        }

        Script land(String day) {
            return land(day, day);
        }

        Script land(String day, String landedOn) {
            return step(day, (d, today) -> d.land(LocalDate.parse(landedOn), null, today));
        }

        Script start(String day) {
            return step(day, (d, today) -> d.start(today, today));
        }

        Script produce(String day) {
            return step(day, (d, today) -> d.produce(today, today));
        }

        Script funds(String day, String amount) {
            return step(day, (d, today) -> d.recordFunds(today, new BigDecimal(amount), today));
        }

        Script terminate(String day) {
            return step(day, (d, today) -> d.terminate(today, "企业投资计划调整", today));
        }

        Script expect(String flag, String clear) {
            this.expectedFlag = flag == null ? null : LocalDate.parse(flag);
            this.expectedClear = clear == null ? null : LocalDate.parse(clear);
            return this;
        }

        private Script step(String day, Command command) {
            LocalDate on = LocalDate.parse(day);
            steps.computeIfAbsent(on, k -> new ArrayList<>()).add(d -> {
                Deal.Change c = command.apply(d, on);
                events.computeIfAbsent(on, k -> new ArrayList<>()).addAll(c.events());
                return c.after();
            });
            return this;
        }

        final Map<LocalDate, List<DomainEvent>> events = new LinkedHashMap<>();
    }

    private interface Command {
        Deal.Change apply(Deal d, LocalDate today);
    }

    private static Script deal(String id, String unit) {
        return new Script(id, unit);
    }

    /** 21 deals; expected days computed by hand (sign date + 181 days), checked against `date -d`. */
    private static List<Script> scripts() {
        return List.of(
                deal("P-01", "U-A").register("2025-10-01").sign("2025-10-01")
                        .expect("2026-03-31", null),                                  // never lands
                deal("P-02", "U-A").register("2025-10-01").sign("2025-10-01").land("2026-03-30")
                        .expect(null, null),                                          // lands on day 180
                deal("P-03", "U-A").register("2025-10-01").sign("2025-10-01").land("2026-03-31")
                        .expect(null, null),                                          // lands on day 181 itself
                deal("P-04", "U-A").register("2025-10-01").sign("2025-10-01").land("2026-04-01")
                        .expect("2026-03-31", "2026-04-01"),                          // lands on day 182
                deal("P-05", "U-B").register("2025-10-10").sign("2025-10-15").terminate("2026-04-13")
                        .expect(null, null),                                          // terminated on day 180
                deal("P-06", "U-B").register("2025-10-10").sign("2025-10-15").terminate("2026-05-20")
                        .expect("2026-04-14", "2026-05-20"),
                deal("P-07", "U-B").register("2025-10-20")
                        .expect(null, null),                                          // never signed
                deal("P-08", "U-B").register("2025-10-20").terminate("2026-01-10")
                        .expect(null, null),                                          // terminated unsigned
                deal("P-09", "U-C").register("2025-11-01").sign("2025-11-30").land("2026-01-15").start("2026-03-01")
                        .produce("2026-08-01").expect(null, null),                    // the full path
                deal("P-10", "U-C").register("2025-12-01").sign("2025-12-31").land("2026-09-30")
                        .expect("2026-06-30", "2026-09-30"),                          // lands on the last day
                deal("P-11", "U-C").register("2025-12-15").sign("2026-01-01").terminate("2026-07-01")
                        .expect(null, null),                                          // terminated on day 181
                deal("P-12", "U-D").register("2026-02-01").sign("2026-02-28")
                        .expect("2026-08-28", null),
                deal("P-13", "U-D").register("2026-03-01").sign("2026-03-15").funds("2026-05-01", "6000")
                        .expect("2026-09-12", null),                                  // funds do not save it
                deal("P-14", "U-D").register("2026-03-20").sign("2026-04-01").terminate("2026-09-30")
                        .expect("2026-09-29", "2026-09-30"),
                deal("P-15", "U-D").register("2026-04-01").sign("2026-04-03")
                        .expect(null, null),                                          // due 2026-10-01, after
                deal("P-16", "U-E").register("2026-02-01", "2025-03-01").sign("2026-02-01", "2025-06-01")
                        .land("2026-02-20").expect("2026-02-01", "2026-02-20"),       // backfilled, overdue
                deal("P-17", "U-E").register("2025-10-01").sign("2025-10-01").land("2026-01-05")
                        .terminate("2026-06-01").expect(null, null),                  // terminated after landing
                deal("P-18", "U-E").register("2025-10-25").sign("2025-11-01").funds("2026-02-01", "1000")
                        .land("2026-06-10", "2026-04-20").expect("2026-05-01", "2026-06-10"), // landing recorded late
                deal("P-19", "U-E").register("2025-10-25").sign("2025-11-01").land("2026-05-02")
                        .start("2026-07-01").expect("2026-05-01", "2026-05-02"),      // not flagged again later
                deal("P-20", "U-F").register("2026-01-05").sign("2026-01-31")
                        .expect("2026-07-31", null),
                deal("P-21", "U-F").register("2025-12-01").sign("2026-01-10", "2025-12-20")
                        .expect("2026-06-19", null));                                 // signing recorded late
    }

    @Test
    void a_simulated_year_flags_each_deal_once_on_the_181st_day_and_clears_it_on_landing_or_termination() {
        List<Script> scripts = scripts();
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(20);
        Map<String, Deal> deals = new LinkedHashMap<>();
        Map<String, Map<LocalDate, List<DomainEvent>>> sweepEvents = new LinkedHashMap<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            // the day's commands first, then the nightly sweep
            for (Script s : scripts) {
                if (day.equals(s.registerDay)) {
                    deals.put(s.id, Deal.register(s.id, DealFixtures.details(s.unit), s.registeredOn, day).after());
                }
                for (UnaryOperator<Deal> step : s.steps.getOrDefault(day, List.of())) {
                    deals.put(s.id, step.apply(deals.get(s.id)));
                }
            }
            for (Script s : scripts) {
                Deal d = deals.get(s.id);
                if (d == null) {
                    continue;
                }
                var change = PaperProjects.sweep(d, day);
                if (change.isPresent()) {
                    sweepEvents.computeIfAbsent(s.id, k -> new LinkedHashMap<>())
                            .computeIfAbsent(day, k -> new ArrayList<>()).addAll(change.get().events());
                    d = change.get().after();
                    deals.put(s.id, d);
                    assertThat(PaperProjects.sweep(d, day)).as("%s swept twice on %s", s.id, day).isEmpty();
                }
                boolean expectFlagged = s.expectedFlag != null && !day.isBefore(s.expectedFlag)
                        && (s.expectedClear == null || day.isBefore(s.expectedClear));
                assertThat(d.paperProject()).as("%s flagged on %s", s.id, day).isEqualTo(expectFlagged);
            }
        }

        for (Script s : scripts) {
            Map<LocalDate, List<DomainEvent>> all = new LinkedHashMap<>();
            s.events.forEach((day, list) -> all.computeIfAbsent(day, k -> new ArrayList<>()).addAll(list));
            sweepEvents.getOrDefault(s.id, Map.of())
                    .forEach((day, list) -> all.computeIfAbsent(day, k -> new ArrayList<>()).addAll(list));
            List<LocalDate> flags = new ArrayList<>();
            List<LocalDate> clears = new ArrayList<>();
            all.forEach((day, list) -> list.forEach(e -> {
                if (e instanceof PaperProjectFlagged f) {
                    assertThat(f.flaggedOn()).isEqualTo(day);
                    assertThat(f.dealId()).isEqualTo(s.id);
                    assertThat(f.unitCode()).isEqualTo(s.unit);
                    flags.add(day);
                }
                if (e instanceof PaperProjectCleared c) {
                    assertThat(c.clearedOn()).isEqualTo(day);
                    assertThat(c.flaggedOn()).isEqualTo(s.expectedFlag);
                    assertThat(c.cause()).isIn(DealStage.LANDED, DealStage.TERMINATED);
                    clears.add(day);
                }
            }));
            assertThat(flags).as("%s flagged", s.id)
                    .isEqualTo(s.expectedFlag == null ? List.of() : List.of(s.expectedFlag));
            assertThat(clears).as("%s cleared", s.id)
                    .isEqualTo(s.expectedClear == null ? List.of() : List.of(s.expectedClear));
            Deal d = deals.get(s.id);
            if (s.expectedFlag != null && s.expectedClear == null) {
                assertThat(d.state().signing().signedOn().plusDays(181)).as("%s due", s.id)
                        .isBeforeOrEqualTo(s.expectedFlag);
            }
        }

        // the rule as of the last day agrees with the flags still standing
        long standing = deals.values().stream().filter(Deal::paperProject).count();
        assertThat(standing).isEqualTo(5); // P-01, P-12, P-13, P-20, P-21
        assertThat(PromotionRates.overall(deals.values(), LAST_DAY).paperProjects()).isEqualTo(standing);
        assertThat(PromotionRates.byUnit(deals.values(), LAST_DAY).get("U-D").paperProjects()).isEqualTo(2);
    }
}
