package gov.keyproject.contracts.statistics;

import gov.keyproject.contracts.DomainEvent;

import java.time.Instant;
import java.time.YearMonth;

/** 月度关账: an operator closed a period; its figures are frozen as {@code total}. */
public record PeriodClosed(YearMonth period, Instant closedAt, String closedBy, FigureValues total)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return period.toString();
    }
}
