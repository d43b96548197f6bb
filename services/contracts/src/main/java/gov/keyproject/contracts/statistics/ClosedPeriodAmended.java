package gov.keyproject.contracts.statistics;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A change arrived for a closed period (an operator's late correction, a late feed row): the live figures move, the
 * frozen ones do not, and this amendment is listed with the frozen bulletin.
 */
public record ClosedPeriodAmended(YearMonth period, String projectCode, String unitCode, String what,
                                  BigDecimal frozenYtdCompleted, BigDecimal liveYtdCompleted, Instant at)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return period.toString();
    }
}
