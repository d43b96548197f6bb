package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/**
 * A deal moved from one stage to another on {@code on} (阶段变更). Published with every stage move.
 */
public record DealStageChanged(DealSnapshot deal, DealStage from, DealStage to, LocalDate on) implements DomainEvent {
    @Override
    public String aggregateId() {
        return deal.dealId();
    }
}
