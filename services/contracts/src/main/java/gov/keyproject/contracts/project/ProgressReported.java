package gov.keyproject.contracts.project;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A monthly progress report (月度进度填报) was filed ({@code revision} 1) or corrected (2, 3 …). A correction replaces
 * the earlier report: consumers move their figures by {@code delta} = investmentCompleted − previousInvestmentCompleted,
 * never by the sum. {@code byOperator} marks a filing after the period's deadline, which only operators may make.
 */
public record ProgressReported(
        String projectCode,
        String unitCode,
        YearMonth period,
        int revision,
        BigDecimal investmentCompleted,
        BigDecimal previousInvestmentCompleted,
        BigDecimal delta,
        boolean workUnderWay,
        String imageProgress,
        int imageProgressPercent,
        int problemsRaised,
        String filedBy,
        boolean byOperator,
        LocalDate filedOn) implements DomainEvent {

    @Override
    public String aggregateId() {
        return projectCode;
    }
}
