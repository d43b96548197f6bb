package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.promotion.DealChanged;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.contracts.promotion.DealRegistered;
import gov.keyproject.contracts.promotion.DealSigned;
import gov.keyproject.contracts.promotion.DealSnapshot;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.contracts.promotion.DealStageChanged;
import gov.keyproject.contracts.promotion.DealTerminated;
import gov.keyproject.contracts.promotion.FundsArrived;
import gov.keyproject.contracts.promotion.SourceKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static gov.keyproject.promotion.deal.DealFixtures.AGREED;
import static gov.keyproject.promotion.deal.DealFixtures.LANDED;
import static gov.keyproject.promotion.deal.DealFixtures.PRODUCING;
import static gov.keyproject.promotion.deal.DealFixtures.REGISTERED;
import static gov.keyproject.promotion.deal.DealFixtures.SIGNED;
import static gov.keyproject.promotion.deal.DealFixtures.STARTED;
import static gov.keyproject.promotion.deal.DealFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deal commands: state after, events, trail. */
class DealTest {

    @Test
    void register_starts_in_negotiation_with_normalized_details() {
        DealDetails raw = new DealDetails("  某某智能科技有限公司 ", "智能装备", DealSource.fair(" 青洽会 "),
                new BigDecimal("50000.5"), "U-ZS-01", List.of(new Contact(" 张经理", "0531-88886666")));
        Deal.Change c = Deal.register("D-2026-0001", raw, null, TODAY);
        Deal d = c.after();
        assertThat(d.stage()).isEqualTo(DealStage.NEGOTIATING);
        assertThat(d.state().registeredOn()).isEqualTo(TODAY);
        assertThat(d.reachedOn(DealStage.NEGOTIATING)).contains(TODAY);
        assertThat(d.everReached(DealStage.SIGNED)).isFalse();
        assertThat(d.state().details().company()).isEqualTo("某某智能科技有限公司");
        assertThat(d.state().details().source()).isEqualTo(new DealSource(SourceKind.FAIR, "青洽会"));
        assertThat(d.state().details().intendedInvestment()).isEqualTo(new BigDecimal("50000.50"));
        assertThat(d.state().details().contacts()).containsExactly(new Contact("张经理", "0531-88886666"));
        assertThat(d.paperProject()).isFalse();
        assertThat(c.action()).isEqualTo("登记招商项目");
        assertThat(c.events()).singleElement().isInstanceOfSatisfying(DealRegistered.class, e -> {
            assertThat(e.deal().dealId()).isEqualTo("D-2026-0001");
            assertThat(e.deal().stage()).isEqualTo(DealStage.NEGOTIATING);
            assertThat(e.deal().source()).isEqualTo(SourceKind.FAIR);
            assertThat(e.deal().fairName()).isEqualTo("青洽会");
            assertThat(e.deal().agreedInvestment()).isNull();
            assertThat(e.deal().fundsArrived()).isEqualByComparingTo("0");
        });
    }

    @Test
    void every_source_kind_registers_and_intended_investment_may_be_zero() {
        for (DealSource s : List.of(DealSource.visit(), DealSource.referral(), DealSource.online(),
                DealSource.fair("青洽会"))) {
            DealDetails d = DealFixtures.details();
            Deal deal = Deal.register("D-0001", new DealDetails(d.company(), d.industry(), s, BigDecimal.ZERO,
                    d.unitCode(), null), REGISTERED, TODAY).after();
            assertThat(deal.state().details().source().kind()).isEqualTo(s.kind());
            assertThat(deal.state().details().contacts()).isEmpty();
        }
        assertThat(new DealSource(SourceKind.VISIT, " ").validated()).isEqualTo(DealSource.visit());
    }

    @Test
    void a_deal_may_be_registered_with_a_past_date() {
        Deal d = Deal.register("D-0001", DealFixtures.details(), LocalDate.of(2025, 3, 1), TODAY).after();
        assertThat(d.reachedOn(DealStage.NEGOTIATING)).contains(LocalDate.of(2025, 3, 1));
        assertThat(d.sign(AGREED, LocalDate.of(2025, 3, 1), TODAY).after().stage()).isEqualTo(DealStage.SIGNED);
    }

    @Test
    void update_reports_the_changed_fields_and_a_repeat_changes_nothing() {
        Deal d = DealFixtures.registered();
        Deal.Change same = d.update(new DealDetails("某某智能科技有限公司", "智能装备", DealSource.fair("青洽会"),
                new BigDecimal("50000.00"), "U-ZS-01", List.of(new Contact("张经理", "13800001111"))));
        assertThat(same.isEmpty()).isTrue();
        assertThat(same.after()).isSameAs(d);

        Deal.Change c = d.update(new DealDetails("某某智能科技有限公司", "高端装备", DealSource.visit(),
                new BigDecimal("60000"), "U-ZS-02", List.of()));
        assertThat(c.diff()).containsOnlyKeys("industry", "source", "intendedInvestment", "unitCode", "contacts");
        assertThat(c.diff().get("unitCode")).containsExactly("U-ZS-01", "U-ZS-02");
        assertThat(c.after().unitCode()).isEqualTo("U-ZS-02");
        assertThat(c.events()).singleElement().isInstanceOfSatisfying(DealChanged.class, e -> {
            assertThat(e.fields()).containsExactly("industry", "source", "intendedInvestment", "unitCode",
                    "contacts");
            assertThat(e.deal().unitCode()).isEqualTo("U-ZS-02");
        });
        assertThat(d.unitCode()).as("immutable").isEqualTo("U-ZS-01");
    }

    @Test
    void update_is_allowed_in_a_final_stage() {
        Deal d = DealFixtures.inStage(DealStage.TERMINATED);
        assertThat(d.update(DealFixtures.withCompany("改名后的公司")).after().state().details().company())
                .isEqualTo("改名后的公司");
    }

    @Test
    void sign_records_the_agreement_and_publishes_stage_change_and_signing() {
        Deal d = DealFixtures.registered();
        Deal.Change c = d.sign(new BigDecimal("30000.5"), SIGNED, TODAY);
        Deal s = c.after();
        assertThat(s.stage()).isEqualTo(DealStage.SIGNED);
        assertThat(s.state().signing()).isEqualTo(new DealState.Signing(new BigDecimal("30000.50"), SIGNED));
        assertThat(s.reachedOn(DealStage.SIGNED)).contains(SIGNED);
        assertThat(c.action()).isEqualTo("签约");
        assertThat(c.diff()).containsOnlyKeys("stage", "signing.agreedAmount", "signing.signedOn");
        assertThat(c.events()).hasSize(2);
        assertThat(c.events().get(0)).isInstanceOfSatisfying(DealStageChanged.class, e -> {
            assertThat(e.from()).isEqualTo(DealStage.NEGOTIATING);
            assertThat(e.to()).isEqualTo(DealStage.SIGNED);
            assertThat(e.on()).isEqualTo(SIGNED);
            assertThat(e.deal().stage()).isEqualTo(DealStage.SIGNED);
            assertThat(e.deal().agreedInvestment()).isEqualTo(new BigDecimal("30000.50"));
        });
        assertThat(c.events().get(1)).isEqualTo(new DealSigned("D-2026-0001", "U-ZS-01",
                new BigDecimal("30000.50"), SIGNED));
    }

    @Test
    void signing_on_the_registration_day_and_today_is_fine() {
        assertThat(DealFixtures.registered().sign(AGREED, REGISTERED, TODAY).after().stage())
                .isEqualTo(DealStage.SIGNED);
        assertThat(DealFixtures.registered().sign(AGREED, TODAY, TODAY).after().stage()).isEqualTo(DealStage.SIGNED);
    }

    @Test
    void funds_arrive_in_instalments_and_may_exceed_the_agreed_amount() {
        Deal d = DealFixtures.registered().sign(new BigDecimal("1000"), SIGNED, TODAY).after();
        Deal.Change c1 = d.recordFunds(SIGNED, new BigDecimal("600"), TODAY);
        Deal.Change c2 = c1.after().recordFunds(LocalDate.of(2026, 3, 1), new BigDecimal("300.25"), TODAY);
        Deal.Change c3 = c2.after().recordFunds(LocalDate.of(2026, 3, 1), new BigDecimal("400.25"), TODAY);
        Deal after = c3.after();
        assertThat(after.fundsArrived()).isEqualTo(new BigDecimal("1300.50"));
        assertThat(after.state().funds()).hasSize(3);
        assertThat(after.fundsArrivedBy(LocalDate.of(2026, 2, 28))).isEqualTo(new BigDecimal("600.00"));
        assertThat(after.stage()).isEqualTo(DealStage.SIGNED);
        assertThat(c3.events()).containsExactly(new FundsArrived("D-2026-0001", "U-ZS-01", LocalDate.of(2026, 3, 1),
                new BigDecimal("400.25"), new BigDecimal("1300.50"), new BigDecimal("1000.00")));
        assertThat(c3.diff().get("fundsArrived")).containsExactly(new BigDecimal("900.25"), new BigDecimal("1300.50"));
        assertThat(c3.action()).isEqualTo("资金到位 400.25 万元");
        assertThat(PromotionRates.overall(List.of(after), TODAY).fundsRate().display()).isEqualTo("130.05%");
    }

    @Test
    void funds_may_arrive_in_every_signed_stage_that_is_not_terminated() {
        for (DealStage s : List.of(DealStage.SIGNED, DealStage.LANDED, DealStage.STARTED, DealStage.PRODUCING)) {
            Deal d = DealFixtures.inStage(s).recordFunds(TODAY, BigDecimal.ONE, TODAY).after();
            assertThat(d.fundsArrived()).isEqualByComparingTo("1");
            assertThat(d.stage()).isEqualTo(s);
        }
        Deal terminatedAfterLanding = DealFixtures.inStage(DealStage.LANDED).terminate(TODAY, "x", TODAY).after();
        assertThatThrownBy(() -> terminatedAfterLanding.recordFunds(TODAY, BigDecimal.ONE, TODAY))
                .isInstanceOfSatisfying(DealRuleViolation.class, e -> assertThat(e.field()).isEqualTo("stage"));
    }

    @Test
    void landing_links_a_project_and_publishes_the_contract_event() {
        Deal signed = DealFixtures.inStage(DealStage.SIGNED);
        Deal.Change c = signed.land(LANDED, null, TODAY);
        assertThat(c.after().stage()).isEqualTo(DealStage.LANDED);
        assertThat(c.after().landedOn()).contains(LANDED);
        assertThat(c.after().state().projectCode()).isEqualTo("ZS-D-2026-0001");
        assertThat(Deal.PROJECT_CODE.matcher(c.after().state().projectCode()).matches()).isTrue();
        assertThat(c.events()).hasSize(2);
        assertThat(c.events().get(0)).isInstanceOf(DealStageChanged.class);
        assertThat(c.events().get(1)).isEqualTo(new DealLanded("D-2026-0001", "ZS-D-2026-0001",
                "某某智能科技有限公司智能装备项目", "某某智能科技有限公司", "智能装备", ProjectCategory.INDUSTRIAL, "U-ZS-01",
                AGREED, LANDED, null, null));
        assertThat(c.diff()).containsOnlyKeys("stage", "projectCode");
    }

    @Test
    void landing_with_the_filing_code_name_category_and_planned_dates() {
        Landing landing = new Landing(LANDED, " 2026-370103-48-01-000123 ", "城东新能源电池产业园",
                ProjectCategory.URBAN_CONSTRUCTION, LocalDate.of(2026, 5, 1), LocalDate.of(2027, 12, 31));
        Deal.Change c = DealFixtures.inStage(DealStage.SIGNED).land(landing, TODAY);
        DealLanded e = (DealLanded) c.events().get(1);
        assertThat(e.projectCode()).isEqualTo("2026-370103-48-01-000123");
        assertThat(e.projectName()).isEqualTo("城东新能源电池产业园");
        assertThat(e.category()).isEqualTo(ProjectCategory.URBAN_CONSTRUCTION);
        assertThat(e.plannedStart()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(e.plannedCompletion()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(e.aggregateId()).isEqualTo("D-2026-0001");
        assertThat(c.after().snapshot().projectCode()).isEqualTo("2026-370103-48-01-000123");
    }

    @Test
    void start_and_produce_follow_the_project() {
        Deal.Change start = DealFixtures.inStage(DealStage.LANDED).start(STARTED, TODAY);
        assertThat(start.after().stage()).isEqualTo(DealStage.STARTED);
        assertThat(start.action()).isEqualTo("开工");
        assertThat(start.events()).singleElement().isInstanceOfSatisfying(DealStageChanged.class,
                e -> assertThat(List.of(e.from(), e.to())).containsExactly(DealStage.LANDED, DealStage.STARTED));
        Deal.Change produce = start.after().produce(PRODUCING, TODAY);
        assertThat(produce.after().stage()).isEqualTo(DealStage.PRODUCING);
        assertThat(produce.after().state().reached()).containsOnlyKeys(DealStage.NEGOTIATING, DealStage.SIGNED,
                DealStage.LANDED, DealStage.STARTED, DealStage.PRODUCING);
        assertThat(produce.diff().get("stage")).containsExactly(DealStage.STARTED, DealStage.PRODUCING);
    }

    @Test
    void every_stage_may_be_reached_on_the_same_day() {
        Deal d = DealFixtures.registered();
        d = d.sign(AGREED, REGISTERED, TODAY).after().land(REGISTERED, null, TODAY).after()
                .start(REGISTERED, TODAY).after().produce(REGISTERED, TODAY).after();
        assertThat(d.stage()).isEqualTo(DealStage.PRODUCING);
    }

    @Test
    void terminating_keeps_the_stages_reached_before() {
        Deal landed = DealFixtures.inStage(DealStage.LANDED);
        Deal.Change c = landed.terminate(LocalDate.of(2026, 6, 30), " 企业资金链断裂 ", TODAY);
        Deal t = c.after();
        assertThat(t.stage()).isEqualTo(DealStage.TERMINATED);
        assertThat(t.everReached(DealStage.LANDED)).isTrue();
        assertThat(t.state().termination()).isEqualTo(new DealState.Termination(LocalDate.of(2026, 6, 30),
                "企业资金链断裂"));
        assertThat(c.events()).hasSize(2);
        assertThat(c.events().get(1)).isEqualTo(new DealTerminated("D-2026-0001", "U-ZS-01", DealStage.LANDED,
                LocalDate.of(2026, 6, 30), "企业资金链断裂"));
        assertThat(t.snapshot().terminatedOn()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(t.snapshot().terminationReason()).isEqualTo("企业资金链断裂");
    }

    @Test
    void the_stage_on_a_past_day_is_read_from_the_stage_dates() {
        Deal d = DealFixtures.inStage(DealStage.STARTED).terminate(LocalDate.of(2026, 7, 1), "x", TODAY).after();
        assertThat(d.stageOn(REGISTERED.minusDays(1))).isEmpty();
        assertThat(d.stageOn(REGISTERED)).contains(DealStage.NEGOTIATING);
        assertThat(d.stageOn(SIGNED)).contains(DealStage.SIGNED);
        assertThat(d.stageOn(LANDED.plusDays(3))).contains(DealStage.LANDED);
        assertThat(d.stageOn(LocalDate.of(2026, 6, 30))).contains(DealStage.STARTED);
        assertThat(d.stageOn(LocalDate.of(2026, 7, 1))).contains(DealStage.TERMINATED);
    }

    @Test
    void every_event_is_keyed_by_the_deal_id() {
        Deal d = DealFixtures.registered();
        List<Deal.Change> changes = List.of(Deal.register("D-2026-0001", DealFixtures.details(), REGISTERED, TODAY),
                d.update(DealFixtures.withCompany("新公司")), d.sign(AGREED, SIGNED, TODAY),
                DealFixtures.inStage(DealStage.SIGNED).recordFunds(TODAY, BigDecimal.TEN, TODAY),
                DealFixtures.inStage(DealStage.SIGNED).land(LANDED, null, TODAY),
                DealFixtures.inStage(DealStage.SIGNED).terminate(TODAY, "x", TODAY),
                PaperProjects.sweep(DealFixtures.inStage(DealStage.SIGNED), TODAY).orElseThrow());
        for (Deal.Change c : changes) {
            for (DomainEvent e : c.events()) {
                assertThat(e.aggregateId()).as(e.getClass().getSimpleName()).isEqualTo("D-2026-0001");
            }
        }
    }

    @Test
    void the_snapshot_leaves_out_the_contacts_and_is_read_only() {
        DealSnapshot s = DealFixtures.inStage(DealStage.SIGNED).snapshot();
        assertThat(s.toString()).doesNotContain("13800001111");
        assertThatThrownBy(() -> s.reached().put(DealStage.LANDED, TODAY))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.reached()).containsEntry(DealStage.SIGNED, SIGNED);
    }

    @Test
    void the_derived_project_code_of_the_longest_id_is_a_valid_code() {
        String id = "D" + "1".repeat(36);
        assertThat(Deal.ID.matcher(id).matches()).isTrue();
        assertThat(Deal.PROJECT_CODE.matcher(Deal.derivedProjectCode(id)).matches()).isTrue();
    }
}
