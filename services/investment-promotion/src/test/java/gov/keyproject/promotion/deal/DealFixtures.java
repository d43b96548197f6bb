package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.DealStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Deals in every stage, on fixed dates: registered 2026-01-05, signed 02-01, landed 03-01, started 04-01, … */
final class DealFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 31);
    static final LocalDate REGISTERED = LocalDate.of(2026, 1, 5);
    static final LocalDate SIGNED = LocalDate.of(2026, 2, 1);
    static final LocalDate LANDED = LocalDate.of(2026, 3, 1);
    static final LocalDate STARTED = LocalDate.of(2026, 4, 1);
    static final LocalDate PRODUCING = LocalDate.of(2026, 5, 1);
    static final LocalDate TERMINATED = LocalDate.of(2026, 2, 1);
    /** A date after every fixture date, for the next move. */
    static final LocalDate NEXT = LocalDate.of(2026, 6, 1);
    static final BigDecimal AGREED = new BigDecimal("30000.00");

    private DealFixtures() {
    }

    static DealDetails details() {
        return details("U-ZS-01");
    }

    static DealDetails details(String unit) {
        return new DealDetails("某某智能科技有限公司", "智能装备", DealSource.fair("青洽会"), new BigDecimal("50000"), unit,
                List.of(new Contact("张经理", "13800001111")));
    }

    static DealDetails withCompany(String company) {
        DealDetails d = details();
        return new DealDetails(company, d.industry(), d.source(), d.intendedInvestment(), d.unitCode(), d.contacts());
    }

    static Deal registered() {
        return registered("D-2026-0001", "U-ZS-01");
    }

    static Deal registered(String id, String unit) {
        return Deal.register(id, details(unit), REGISTERED, TODAY).after();
    }

    /** A deal brought to {@code stage} along the normal path (TERMINATED: terminated while 在谈). */
    static Deal inStage(DealStage stage) {
        Deal d = registered();
        if (stage == DealStage.NEGOTIATING) {
            return d;
        }
        if (stage == DealStage.TERMINATED) {
            return d.terminate(TERMINATED, "企业投资意向变化", TODAY).after();
        }
        d = d.sign(AGREED, SIGNED, TODAY).after();
        if (stage == DealStage.SIGNED) {
            return d;
        }
        d = d.land(LANDED, "2026-370103-48-01-000123", TODAY).after();
        if (stage == DealStage.LANDED) {
            return d;
        }
        d = d.start(STARTED, TODAY).after();
        if (stage == DealStage.STARTED) {
            return d;
        }
        return d.produce(PRODUCING, TODAY).after();
    }

    /** Applies the command that moves a deal to {@code target} on {@link #NEXT}; none moves a deal back to 在谈. */
    static Deal.Change moveTo(Deal d, DealStage target) {
        return switch (target) {
            case NEGOTIATING -> throw new IllegalArgumentException("no command moves a deal to 在谈");
            case SIGNED -> d.sign(AGREED, NEXT, TODAY);
            case LANDED -> d.land(NEXT, null, TODAY);
            case STARTED -> d.start(NEXT, TODAY);
            case PRODUCING -> d.produce(NEXT, TODAY);
            case TERMINATED -> d.terminate(NEXT, "企业资金链断裂", TODAY);
        };
    }
}
