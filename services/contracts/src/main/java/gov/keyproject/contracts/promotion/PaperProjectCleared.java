package gov.keyproject.contracts.promotion;

import gov.keyproject.contracts.DomainEvent;

import java.time.LocalDate;

/**
 * A paper project (纸上项目) stopped being one because it landed or was terminated ({@code cause}).
 */
public record PaperProjectCleared(String dealId, String unitCode, LocalDate flaggedOn, LocalDate clearedOn,
                                  DealStage cause) implements DomainEvent {
    @Override
    public String aggregateId() {
        return dealId;
    }
}
