package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.DealStage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static gov.keyproject.contracts.promotion.DealStage.LANDED;
import static gov.keyproject.contracts.promotion.DealStage.NEGOTIATING;
import static gov.keyproject.contracts.promotion.DealStage.PRODUCING;
import static gov.keyproject.contracts.promotion.DealStage.SIGNED;
import static gov.keyproject.contracts.promotion.DealStage.STARTED;
import static gov.keyproject.contracts.promotion.DealStage.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 履约率, 资金到位率, 签约项目开工率, counts by stage and the monthly funnel, on one hand-computed portfolio:
 * <pre>
 * deal unit stage (2026-12-31)         agreed  funds (date)                       stage dates
 * A    U-A  SIGNED                      1000    500 (03-01)                        signed 02-01
 * B    U-A  LANDED                      2000    1500 (03-01) + 1000 (07-01)        landed 03-01
 * C    U-A  TERMINATED after signing    3000    100 (03-01)                        terminated 05-01
 * D    U-A  TERMINATED after landing    4000    4000 (04-20)                       landed 03-01, terminated 06-01
 * E    U-B  STARTED                     1000    –                                  started 04-01
 * F    U-B  PRODUCING                   1000    1000 (05-10)                       started 04-01, producing 05-01
 * G    U-C  NEGOTIATING                 –       –
 * H    U-C  TERMINATED while 在谈        –       –                                  terminated 02-01
 * </pre>
 * All registered 2026-01-05.
 */
class PromotionRatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 31);

    private static LocalDate d(String mmdd) {
        return LocalDate.parse("2026-" + mmdd);
    }

    private static Deal registered(String id, String unit) {
        return Deal.register(id, DealFixtures.details(unit), d("01-05"), TODAY).after();
    }

    private static Deal signed(String id, String unit, String agreed) {
        return registered(id, unit).sign(new BigDecimal(agreed), d("02-01"), TODAY).after();
    }

    private static Deal funds(Deal deal, String mmdd, String amount) {
        return deal.recordFunds(d(mmdd), new BigDecimal(amount), TODAY).after();
    }

    static final Deal A = funds(signed("A-0001", "U-A", "1000"), "03-01", "500");
    static final Deal B = funds(funds(signed("B-0001", "U-A", "2000"), "03-01", "1500"), "07-01", "1000")
            .land(d("03-01"), null, TODAY).after();
    static final Deal C = funds(signed("C-0001", "U-A", "3000"), "03-01", "100")
            .terminate(d("05-01"), "企业撤资", TODAY).after();
    static final Deal D = funds(signed("D-0001", "U-A", "4000"), "04-20", "4000")
            .land(d("03-01"), null, TODAY).after().terminate(d("06-01"), "企业破产", TODAY).after();
    static final Deal E = signed("E-0001", "U-B", "1000").land(d("03-01"), null, TODAY).after()
            .start(d("04-01"), TODAY).after();
    static final Deal F = funds(signed("F-0001", "U-B", "1000").land(d("03-01"), null, TODAY).after()
            .start(d("04-01"), TODAY).after().produce(d("05-01"), TODAY).after(), "05-10", "1000");
    static final Deal G = registered("G-0001", "U-C");
    static final Deal H = registered("H-0001", "U-C").terminate(d("02-01"), "意向取消", TODAY).after();
    static final List<Deal> ALL = List.of(A, B, C, D, E, F, G, H);

    private static Map<DealStage, Long> stages(long neg, long signed, long landed, long started, long producing,
                                               long terminated) {
        Map<DealStage, Long> m = new EnumMap<>(DealStage.class);
        m.put(NEGOTIATING, neg);
        m.put(SIGNED, signed);
        m.put(LANDED, landed);
        m.put(STARTED, started);
        m.put(PRODUCING, producing);
        m.put(TERMINATED, terminated);
        return m;
    }

    @Test
    void overall_rates_count_ever_reached_stages_and_leave_terminated_deals_out_of_the_funds() {
        PromotionRates.Summary s = PromotionRates.overall(ALL, TODAY);
        assertThat(s.unitCode()).isNull();
        assertThat(s.deals()).isEqualTo(8);
        assertThat(s.byStage()).isEqualTo(stages(1, 1, 1, 1, 1, 3));
        assertThat(s.everSigned()).isEqualTo(6);   // A B C D E F: C (terminated after signing) stays in
        assertThat(s.everLanded()).isEqualTo(4);   // B D E F: D (terminated after landing) stays in
        assertThat(s.everStarted()).isEqualTo(2);  // E F
        assertThat(s.performanceRate()).isEqualTo(Ratio.of(2, 3));
        assertThat(s.performanceRate().display()).isEqualTo("66.67%");
        assertThat(s.startRate()).isEqualTo(Ratio.of(1, 3));
        assertThat(s.startRate().display()).isEqualTo("33.33%");
        // funds over A B E F only: (500 + 2500 + 0 + 1000) / (1000 + 2000 + 1000 + 1000)
        assertThat(s.fundsArrived()).isEqualTo(new BigDecimal("4000.00"));
        assertThat(s.agreedAmount()).isEqualTo(new BigDecimal("5000.00"));
        assertThat(s.fundsRate()).isEqualTo(Ratio.of(4, 5));
        assertThat(s.fundsRate().display()).isEqualTo("80.00%");
        assertThat(s.paperProjects()).isEqualTo(1); // A: signed 02-01, not landed by 12-31
    }

    @Test
    void rates_as_of_a_past_day_use_only_what_had_happened_by_then() {
        PromotionRates.Summary s = PromotionRates.overall(ALL, d("04-15"));
        assertThat(s.deals()).isEqualTo(8);
        assertThat(s.byStage()).isEqualTo(stages(1, 2, 2, 2, 0, 1));
        assertThat(s.performanceRate()).isEqualTo(Ratio.of(4, 6));
        assertThat(s.startRate()).isEqualTo(Ratio.of(2, 6));
        // nobody terminated yet after signing: (500 + 1500 + 100) / (1000 + 2000 + 3000 + 4000 + 1000 + 1000)
        assertThat(s.fundsArrived()).isEqualTo(new BigDecimal("2100.00"));
        assertThat(s.agreedAmount()).isEqualTo(new BigDecimal("12000.00"));
        assertThat(s.fundsRate()).isEqualTo(Ratio.of(7, 40));
        assertThat(s.fundsRate().display()).isEqualTo("17.50%");
        assertThat(s.paperProjects()).isZero();
    }

    @Test
    void before_any_signing_every_rate_is_absent() {
        PromotionRates.Summary s = PromotionRates.overall(ALL, d("01-31"));
        assertThat(s.deals()).isEqualTo(8);
        assertThat(s.byStage()).isEqualTo(stages(8, 0, 0, 0, 0, 0));
        assertThat(s.everSigned()).isZero();
        assertThat(s.performanceRate().isAbsent()).isTrue();
        assertThat(s.performanceRate().display()).isEqualTo("—");
        assertThat(s.startRate().display()).isEqualTo("—");
        assertThat(s.fundsRate().display()).isEqualTo("—");
        assertThat(s.fundsArrived()).isEqualByComparingTo("0");
    }

    @Test
    void deals_registered_after_the_day_are_left_out() {
        PromotionRates.Summary s = PromotionRates.overall(ALL, d("01-04"));
        assertThat(s.deals()).isZero();
        assertThat(s.byStage()).isEqualTo(stages(0, 0, 0, 0, 0, 0));
        assertThat(PromotionRates.byUnit(ALL, d("01-04"))).isEmpty();
    }

    @Test
    void no_deals_at_all_gives_absent_rates() {
        PromotionRates.Summary s = PromotionRates.overall(List.of(), TODAY);
        assertThat(s.deals()).isZero();
        assertThat(List.of(s.performanceRate(), s.fundsRate(), s.startRate())).allMatch(Ratio::isAbsent);
    }

    @Test
    void per_unit_rates() {
        var byUnit = PromotionRates.byUnit(ALL, TODAY);
        assertThat(byUnit).containsOnlyKeys("U-A", "U-B", "U-C");

        PromotionRates.Summary a = byUnit.get("U-A");
        assertThat(a.unitCode()).isEqualTo("U-A");
        assertThat(a.deals()).isEqualTo(4);
        assertThat(a.byStage()).isEqualTo(stages(0, 1, 1, 0, 0, 2));
        assertThat(a.performanceRate()).isEqualTo(Ratio.of(2, 4));       // B D / A B C D
        assertThat(a.startRate()).isEqualTo(Ratio.of(0, 4));
        assertThat(a.startRate().display()).isEqualTo("0.00%");          // zero, not absent
        assertThat(a.fundsRate()).isEqualTo(Ratio.of(3000, 3000));       // (500 + 2500) / (1000 + 2000)
        assertThat(a.fundsRate().display()).isEqualTo("100.00%");

        PromotionRates.Summary b = byUnit.get("U-B");
        assertThat(b.byStage()).isEqualTo(stages(0, 0, 0, 1, 1, 0));
        assertThat(b.performanceRate()).isEqualTo(Ratio.of(1, 1));
        assertThat(b.startRate()).isEqualTo(Ratio.of(1, 1));
        assertThat(b.fundsRate()).isEqualTo(Ratio.of(1, 2));

        PromotionRates.Summary c = byUnit.get("U-C");
        assertThat(c.deals()).isEqualTo(2);
        assertThat(c.byStage()).isEqualTo(stages(1, 0, 0, 0, 0, 1));
        assertThat(List.of(c.performanceRate(), c.fundsRate(), c.startRate())).allMatch(Ratio::isAbsent);
    }

    @Test
    void a_unit_whose_signed_deals_were_all_terminated_has_a_performance_rate_but_no_funds_rate() {
        PromotionRates.Summary s = PromotionRates.overall(List.of(C, H), TODAY);
        assertThat(s.performanceRate()).isEqualTo(Ratio.of(0, 1));
        assertThat(s.performanceRate().display()).isEqualTo("0.00%");
        assertThat(s.startRate().display()).isEqualTo("0.00%");
        assertThat(s.fundsRate().isAbsent()).isTrue();
        assertThat(s.fundsRate().display()).isEqualTo("—");
        assertThat(s.agreedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void a_deal_terminated_after_landing_stays_in_both_terms_of_the_performance_rate() {
        PromotionRates.Summary s = PromotionRates.overall(List.of(D), TODAY);
        assertThat(s.performanceRate()).isEqualTo(Ratio.of(1, 1));
        assertThat(s.startRate()).isEqualTo(Ratio.of(0, 1));
        assertThat(s.fundsRate().isAbsent()).isTrue(); // terminated: out of the funds rate
    }

    @Test
    void funds_above_the_agreed_amount_push_the_rate_over_100_percent() {
        Deal over = funds(funds(signed("O-0001", "U-X", "1000.00"), "03-01", "600"), "04-01", "700.50");
        PromotionRates.Summary s = PromotionRates.overall(List.of(over, A), TODAY);
        // (1300.50 + 500) / (1000 + 1000)
        assertThat(s.fundsRate()).isEqualTo(Ratio.of(new BigDecimal("1800.50"), new BigDecimal("2000")));
        assertThat(s.fundsRate().display()).isEqualTo("90.03%");
        PromotionRates.Summary alone = PromotionRates.overall(List.of(over), TODAY);
        assertThat(alone.fundsRate()).isEqualTo(Ratio.of(2601, 2000));
        assertThat(alone.fundsRate().display()).isEqualTo("130.05%");
        assertThat(alone.fundsRate().compareTo(Ratio.of(1, 1))).isPositive();
    }

    @Test
    void the_funnel_counts_the_deals_that_reached_each_stage_within_the_month() {
        assertThat(PromotionRates.funnel(ALL, YearMonth.of(2026, 1)).reached()).isEqualTo(stages(8, 0, 0, 0, 0, 0));
        assertThat(PromotionRates.funnel(ALL, YearMonth.of(2026, 2)).reached()).isEqualTo(stages(0, 6, 0, 0, 0, 1));
        assertThat(PromotionRates.funnel(ALL, YearMonth.of(2026, 3)).reached()).isEqualTo(stages(0, 0, 4, 0, 0, 0));
        assertThat(PromotionRates.funnel(ALL, YearMonth.of(2026, 4)).reached()).isEqualTo(stages(0, 0, 0, 2, 0, 0));
        assertThat(PromotionRates.funnel(ALL, YearMonth.of(2026, 5)).reached()).isEqualTo(stages(0, 0, 0, 0, 1, 1));
        assertThat(PromotionRates.funnel(ALL, YearMonth.of(2026, 6)).reached()).isEqualTo(stages(0, 0, 0, 0, 0, 1));
        assertThat(PromotionRates.funnel(ALL, YearMonth.of(2026, 7)).reached()).isEqualTo(stages(0, 0, 0, 0, 0, 0));
        var funnels = PromotionRates.funnels(ALL, YearMonth.of(2025, 12), YearMonth.of(2026, 6));
        assertThat(funnels).hasSize(7);
        assertThat(funnels.get(0).period()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(funnels.get(0).reached().values()).allMatch(n -> n == 0);
        assertThat(funnels.stream().mapToLong(f -> f.reached().get(SIGNED)).sum()).isEqualTo(6);
        assertThat(PromotionRates.funnels(ALL, YearMonth.of(2026, 6), YearMonth.of(2026, 5))).isEmpty();
    }

    @Test
    void a_deal_counts_for_the_unit_it_belongs_to_now() {
        Deal moved = A.update(DealFixtures.details("U-Z")).after();
        var byUnit = PromotionRates.byUnit(List.of(moved, B), TODAY);
        assertThat(byUnit).containsOnlyKeys("U-A", "U-Z");
        assertThat(byUnit.get("U-Z").everSigned()).isEqualTo(1);
    }
}
