package gov.keyproject.contracts.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What consumers know of a deal after an event: enough to compute the promotion rates per unit. Contacts (personal
 * data) are deliberately left out. {@code agreedInvestment}/{@code signedOn} are null before signing;
 * {@code fundsArrived} is the sum of all instalments so far.
 */
public record DealSnapshot(String dealId, String company, String industry, SourceKind source, String fairName,
                           BigDecimal intendedInvestment, String unitCode, DealStage stage, LocalDate registeredOn,
                           Map<DealStage, LocalDate> reached, BigDecimal agreedInvestment, LocalDate signedOn,
                           BigDecimal fundsArrived, LocalDate terminatedOn, String terminationReason,
                           String projectCode, boolean paperProject) {

    public DealSnapshot {
        reached = Map.copyOf(reached);
    }
}
