package gov.keyproject.assessment;

import gov.keyproject.assessment.ranking.ScoreRules;
import gov.keyproject.assessment.warning.AssessmentCalendar;
import gov.keyproject.assessment.warning.WarningThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * The assessment rules' configuration ({@code keyproject.assessment.*}); the defaults are DOMAIN §5's.
 */
@ConfigurationProperties("keyproject.assessment")
public record AssessmentSettings(@DefaultValue("5") int deadlineDay,
                                 @DefaultValue("31") int redAfterDays,
                                 @DefaultValue("-30") BigDecimal lagRedBelow,
                                 @DefaultValue("-10") BigDecimal lagYellowAtOrBelow,
                                 @DefaultValue("4") int lagFromMonth,
                                 @DefaultValue("7") int reminderMilestoneDays,
                                 @DefaultValue("3") int reminderReportDays,
                                 @DefaultValue("15") int yellowNoticeDays,
                                 @DefaultValue("7") int redNoticeDays,
                                 @DefaultValue("40") int investmentWeight,
                                 @DefaultValue("20") int startResumeWeight,
                                 @DefaultValue("20") int fundsWeight,
                                 @DefaultValue("20") int milestonesWeight,
                                 @DefaultValue("2") int openYellowPenalty,
                                 @DefaultValue("5") int openRedPenalty,
                                 @DefaultValue("3") int overduePenalty,
                                 @DefaultValue("5") int paperProjectPenalty,
                                 @DefaultValue("3") int maxListSize) {

    public AssessmentCalendar calendar() {
        return new AssessmentCalendar(deadlineDay);
    }

    public WarningThresholds thresholds() {
        return new WarningThresholds(redAfterDays, lagRedBelow, lagYellowAtOrBelow, lagFromMonth,
                reminderMilestoneDays, reminderReportDays, yellowNoticeDays, redNoticeDays);
    }

    public ScoreRules scoreRules() {
        return new ScoreRules(investmentWeight, startResumeWeight, fundsWeight, milestonesWeight, openYellowPenalty,
                openRedPenalty, overduePenalty, paperProjectPenalty, maxListSize);
    }
}
