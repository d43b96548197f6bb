package gov.keyproject.assessment.ranking;

import java.math.BigDecimal;

/**
 * What one project or deal adds to its unit's tally for a period: the sums and counts the score is computed from,
 * and the notices and paper projects that cost penalties. A unit's tally is the sum of its contributions, kept
 * up to date by subtracting a contribution's old value and adding its new one, so one update costs the same however
 * many projects there are.
 */
public record Contribution(BigDecimal ytdCompleted, BigDecimal planned, int newStarted, int newDue,
                           int continuedResumed, int continued, int milestonesDue, int milestonesOnTime,
                           BigDecimal fundsArrived, BigDecimal agreed, int openYellow, int openRed,
                           int overdueYellow, int overdueRed, int paperProjects) {

    public static final Contribution NONE = new Contribution(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0,
            BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0);

    public Contribution plus(Contribution o) {
        return new Contribution(ytdCompleted.add(o.ytdCompleted), planned.add(o.planned), newStarted + o.newStarted,
                newDue + o.newDue, continuedResumed + o.continuedResumed, continued + o.continued,
                milestonesDue + o.milestonesDue, milestonesOnTime + o.milestonesOnTime,
                fundsArrived.add(o.fundsArrived), agreed.add(o.agreed), openYellow + o.openYellow,
                openRed + o.openRed, overdueYellow + o.overdueYellow, overdueRed + o.overdueRed,
                paperProjects + o.paperProjects);
    }

    public Contribution minus(Contribution o) {
        return new Contribution(ytdCompleted.subtract(o.ytdCompleted), planned.subtract(o.planned),
                newStarted - o.newStarted, newDue - o.newDue, continuedResumed - o.continuedResumed,
                continued - o.continued, milestonesDue - o.milestonesDue, milestonesOnTime - o.milestonesOnTime,
                fundsArrived.subtract(o.fundsArrived), agreed.subtract(o.agreed), openYellow - o.openYellow,
                openRed - o.openRed, overdueYellow - o.overdueYellow, overdueRed - o.overdueRed,
                paperProjects - o.paperProjects);
    }

    /** Equal in value (amounts compared numerically, so 1.0 and 1.00 are the same contribution). */
    public boolean sameAs(Contribution o) {
        return minus(o).isZero();
    }

    private boolean isZero() {
        return ytdCompleted.signum() == 0 && planned.signum() == 0 && newStarted == 0 && newDue == 0
                && continuedResumed == 0 && continued == 0 && milestonesDue == 0 && milestonesOnTime == 0
                && fundsArrived.signum() == 0 && agreed.signum() == 0 && openYellow == 0 && openRed == 0
                && overdueYellow == 0 && overdueRed == 0 && paperProjects == 0;
    }
}
