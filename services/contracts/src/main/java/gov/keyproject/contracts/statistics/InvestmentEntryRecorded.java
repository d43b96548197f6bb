package gov.keyproject.contracts.statistics;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The statistics service recorded the bureau's entered amount (投资入库) for a project and month, from a file or from
 * the feed topic; {@code revision} counts the changes of that (project, month) key and is the event's sequence.
 * Keyed by {@code "<project code>|<YYYY-MM>"}, so each key's revisions stay in order.
 */
public record InvestmentEntryRecorded(String projectCode, YearMonth period, BigDecimal amountEntered, long revision)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return projectCode + "|" + period;
    }
}
