package gov.keyproject.statistics.figures;

import gov.keyproject.contracts.project.ConstructionType;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One project's investment figures (项目投资统计) for a period as of a day (DOMAIN §3). Rates are derived from the
 * amounts on access, so they can never disagree with them.
 *
 * @param exclusions     why the project is not counted; empty when it is counted
 * @param planned        P, planned investment for the period's year
 * @param monthCompleted investment completed in the period (本月完成), zero without a report
 * @param ytdCompleted   C, completed January through the period (本年累计完成), latest version of each report;
 *                       also the "reported" figure that 入库 is compared with
 * @param started        started by E (the period's last day)
 * @param startDue       planned start on or before E, or started by E (the 开工率 denominator, for new projects)
 * @param resumed        a report of the year through the period says work is under way, or completed in the year by E
 *                       (the 复工率 numerator, for continued projects)
 * @param completed      completed in the period's year by E (the 竣工率 numerator)
 * @param completionDue  planned completion in the year on or before E, or completed in the year by E
 * @param monthEntered   entered into statistics (入库) for the period
 * @param ytdEntered     entered January through the period (本年累计入库)
 */
public record ProjectFigures(
        String code,
        YearMonth period,
        Set<Exclusion> exclusions,
        ConstructionType constructionType,
        BigDecimal planned,
        BigDecimal monthCompleted,
        BigDecimal ytdCompleted,
        boolean started,
        boolean startDue,
        boolean resumed,
        boolean completed,
        boolean completionDue,
        BigDecimal monthEntered,
        BigDecimal ytdEntered) {

    public ProjectFigures {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(period, "period");
        exclusions = exclusions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(exclusions));
    }

    /** Counted in the period's year (纳入统计): only counted projects enter group figures. */
    public boolean counted() {
        return exclusions.isEmpty();
    }

    /** c = C / P (投资完成率); absent when P = 0. */
    public Rate completionRate() {
        return Rate.of(ytdCompleted, planned);
    }

    /** t = m / 12 (序时进度). */
    public Rate timeProgress() {
        return InvestmentFigures.timeProgress(period);
    }

    /** d = c − t (滞后/超前序时进度), shown in percentage points. */
    public Rate lag() {
        return completionRate().minus(timeProgress());
    }

    /** Reported YTD − entered YTD (入库差额); negative when the bureau entered more than was reported. */
    public BigDecimal ytdEntryGap() {
        return ytdCompleted.subtract(ytdEntered);
    }

    /** This project's share of the 开工率: new projects only. */
    public Tally startTally() {
        return constructionType == ConstructionType.NEW ? Tally.of(startDue, started) : Tally.NONE;
    }

    /** This project's share of the 复工率: continued projects only, every one of them is due. */
    public Tally resumeTally() {
        return constructionType == ConstructionType.CONTINUED ? Tally.of(true, resumed) : Tally.NONE;
    }

    /** This project's share of the 竣工率. */
    public Tally completedTally() {
        return Tally.of(completionDue, completed);
    }

    /** This project's share of the 入库率: due when reported YTD > 0, met when entered YTD > 0 too. */
    public Tally enteredTally() {
        return Tally.of(ytdCompleted.signum() > 0, ytdCompleted.signum() > 0 && ytdEntered.signum() > 0);
    }
}
