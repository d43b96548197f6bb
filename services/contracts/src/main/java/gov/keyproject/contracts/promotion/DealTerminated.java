package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/**
 * A deal was terminated (终止) from stage {@code stageBefore}.
 */
public record DealTerminated(String dealId, String unitCode, DealStage stageBefore, LocalDate terminatedOn,
                             String reason) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
