package gov.keyproject.assessment.ranking;

import java.math.BigDecimal;

/** Builds a unit's tally ({@link Contribution}) field by field for the score tests. */
final class Tally {

    private BigDecimal ytd = BigDecimal.ZERO;
    private BigDecimal planned = BigDecimal.ZERO;
    private int newStarted;
    private int newDue;
    private int resumed;
    private int continued;
    private int milestonesDue;
    private int milestonesOnTime;
    private BigDecimal funds = BigDecimal.ZERO;
    private BigDecimal agreed = BigDecimal.ZERO;
    private int openYellow;
    private int openRed;
    private int overdueYellow;
    private int overdueRed;
    private int paper;

    static Tally tally() {
        return new Tally();
    }

    /** YTD completed C and planned P (万元). */
    Tally investment(String c, String p) {
        ytd = new BigDecimal(c);
        planned = new BigDecimal(p);
        return this;
    }

    /** 开复工: new started of new due, continued resumed of continued. */
    Tally startResume(int newStarted, int newDue, int resumed, int continued) {
        this.newStarted = newStarted;
        this.newDue = newDue;
        this.resumed = resumed;
        this.continued = continued;
        return this;
    }

    /** 资金到位: funds arrived of agreed (万元). */
    Tally funds(String arrived, String agreed) {
        this.funds = new BigDecimal(arrived);
        this.agreed = new BigDecimal(agreed);
        return this;
    }

    Tally milestones(int onTime, int due) {
        this.milestonesOnTime = onTime;
        this.milestonesDue = due;
        return this;
    }

    Tally notices(int openYellow, int overdueYellow, int openRed, int overdueRed) {
        this.openYellow = openYellow;
        this.overdueYellow = overdueYellow;
        this.openRed = openRed;
        this.overdueRed = overdueRed;
        return this;
    }

    Tally paper(int paperProjects) {
        this.paper = paperProjects;
        return this;
    }

    Contribution build() {
        return new Contribution(ytd, planned, newStarted, newDue, resumed, continued, milestonesDue,
                milestonesOnTime, funds, agreed, openYellow, openRed, overdueYellow, overdueRed, paper);
    }

    /** 55 points by hand (month 6): investment 300/(½·1200) = ½ → 20, 开复工 ¾ → 15, funds ½ → 10, milestones ½ → 10. */
    static Tally fiftyFive() {
        return tally().investment("300", "1200").startResume(2, 3, 1, 1).funds("50", "100").milestones(1, 2);
    }
}
