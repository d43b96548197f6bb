package gov.keyproject.assessment.ranking;

import gov.keyproject.assessment.notice.SupervisionNotice;
import gov.keyproject.assessment.warning.ProjectFile;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectSnapshot.MilestoneState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** How a project or a deal contributes to its unit's tally for period p (DOMAIN §3, §4, §5). */
public final class Contributions {

    private Contributions() {
    }

    /**
     * A project's contribution for period p: investment, 开复工 and milestone counts when it is counted in p's year;
     * its open (and overdue) yellow and red notices whether counted or not.
     */
    public static Contribution ofProject(ProjectFile project, List<SupervisionNotice> notices, YearMonth period) {
        int openYellow = 0, openRed = 0, overdueYellow = 0, overdueRed = 0;
        for (SupervisionNotice n : notices) {
            if (!n.open() || n.colour() == WarningColour.GREEN) {
                continue;
            }
            if (n.colour() == WarningColour.YELLOW) {
                openYellow++;
                overdueYellow += n.overdue() ? 1 : 0;
            } else {
                openRed++;
                overdueRed += n.overdue() ? 1 : 0;
            }
        }
        if (!project.counted(period)) {
            return new Contribution(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO,
                    BigDecimal.ZERO, openYellow, openRed, overdueYellow, overdueRed, 0);
        }
        LocalDate end = period.atEndOfMonth();
        int newStarted = 0, newDue = 0, resumed = 0, continued = 0;
        boolean startedByEnd = project.startDate() != null && !project.startDate().isAfter(end);
        if (project.constructionType() == ConstructionType.NEW) {
            newStarted = startedByEnd ? 1 : 0;
            newDue = startedByEnd || (project.plannedStart() != null && !project.plannedStart().isAfter(end)) ? 1 : 0;
        } else {
            continued = 1;
            resumed = project.resumed(period) ? 1 : 0;
        }
        int due = 0, onTime = 0;
        for (MilestoneState m : project.milestones()) {
            if (m.plannedDate() == null || m.plannedDate().getYear() != period.getYear()
                    || m.plannedDate().isAfter(end)) {
                continue;
            }
            due++;
            if (m.actualDate() != null && !m.actualDate().isAfter(m.plannedDate())) {
                onTime++;
            }
        }
        return new Contribution(project.ytdCompleted(period), project.planned(period.getYear()), newStarted, newDue,
                resumed, continued, due, onTime, BigDecimal.ZERO, BigDecimal.ZERO, openYellow, openRed,
                overdueYellow, overdueRed, 0);
    }

    /**
     * A deal's contribution: agreed amount and funds arrived while it has reached SIGNED and is not TERMINATED
     * (资金到位率), and one paper project while it is flagged.
     */
    public static Contribution ofDeal(boolean reachedSigned, boolean terminated, BigDecimal agreed,
                                      BigDecimal fundsArrived, boolean paperProject) {
        boolean inRate = reachedSigned && !terminated && agreed != null;
        return new Contribution(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0,
                inRate && fundsArrived != null ? fundsArrived : BigDecimal.ZERO, inRate ? agreed : BigDecimal.ZERO,
                0, 0, 0, 0, paperProject ? 1 : 0);
    }
}
