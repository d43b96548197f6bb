package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/**
 * A paper project (纸上项目) stopped being one because it landed or was terminated ({@code cause}).
 * To move to {@code gov.keyproject.contracts.promotion} (and the {@code EventType} catalogue) later; until then
 * {@link DomainEvent#eventType()} is not available for it.
 */
public record PaperProjectCleared(String dealId, String unitCode, LocalDate flaggedOn, LocalDate clearedOn,
                                  DealStage cause) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
