package gov.keyproject.assessment.warning;

import java.math.BigDecimal;

/** The latest version of a month's progress report (月度进度): investment completed (万元) and whether work is on. */
public record MonthlyReport(BigDecimal investmentCompleted, boolean workUnderWay) {
}
