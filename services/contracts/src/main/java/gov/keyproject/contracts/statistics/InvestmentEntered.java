package gov.keyproject.contracts.statistics;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * 投资入库: the statistics bureau's feed says this much of a project's investment for a month has been entered into
 * the official statistics. Keyed by (project code, period): the same row twice changes nothing; a later row with
 * another amount replaces the earlier one (and is recorded as a revision).
 */
public record InvestmentEntered(String projectCode, YearMonth period, BigDecimal amountEntered) implements DomainEvent {
    @Override
    public String aggregateId() {
        return projectCode;
    }
}
