package gov.keyproject.contracts.assessment;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.UnitKind;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A sequence's ranking for {@code period} as of {@code asOf}, published on every update ({@code version} counts
 * them per period). Keyed by period, so a period's rankings and its bulletin stay in order on one partition.
 */
public record RankingPublished(YearMonth period, UnitKind sequence, long version, LocalDate asOf, String cause,
                               List<RankedUnit> units, List<String> honourList, List<String> blackList)
        implements DomainEvent {
    public RankingPublished {
        units = List.copyOf(units);
        honourList = List.copyOf(honourList);
        blackList = List.copyOf(blackList);
    }

    @Override
    public String aggregateId() {
        return period.toString();
    }
}
