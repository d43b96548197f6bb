package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.project.ProjectCategory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A signed deal landed (落地): the registry creates its project in phase READY, linked to the deal, exactly once.
 * {@code projectCode} is the project's filing code when promotion staff know it; otherwise the registry derives one.
 */
public record DealLanded(String dealId, String projectCode, String projectName, String company, String industry,
                         ProjectCategory category, String unitCode, BigDecimal agreedInvestment, LocalDate landedOn,
                         LocalDate plannedStart, LocalDate plannedCompletion) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
