package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/**
 * A deal moved from one stage to another on {@code on} (阶段变更). Published with every stage move.
 * To move to {@code gov.keyproject.contracts.promotion} (and the {@code EventType} catalogue) later; until then
 * {@link DomainEvent#eventType()} is not available for it.
 */
public record DealStageChanged(DealSnapshot deal, DealStage from, DealStage to, LocalDate on) implements DomainEvent {
    @Override
    public String aggregateId() {
        return deal.dealId();
    }
}
