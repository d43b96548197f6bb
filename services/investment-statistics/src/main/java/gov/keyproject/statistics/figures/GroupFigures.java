package gov.keyproject.statistics.figures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Investment figures of a group of projects (a unit, township, category, level or the whole county) for a period as of
 * a day (分组投资统计, DOMAIN §3). Amounts and counts are sums over the group's counted projects; every rate is derived
 * from those sums (c = ΣC / ΣP), never averaged over projects.
 *
 * @param projectsCounted          counted projects in the group
 * @param planned                  ΣP
 * @param monthCompleted           Σ completed in the period
 * @param ytdCompleted             ΣC (also Σ reported YTD for 入库)
 * @param previousYearYtdCompleted Σ YTD of the same month last year, over the projects counted in that year
 * @param start                    开工率 counts: new projects started by E / new projects due or started
 * @param resume                   复工率 counts: continued projects resumed / continued projects
 * @param completed                竣工率 counts
 * @param ytdEntered               Σ entered into statistics YTD
 * @param entered                  入库率 counts: projects with reported and entered YTD > 0 / projects reported YTD > 0
 */
public record GroupFigures(
        Dimension dimension,
        String key,
        YearMonth period,
        int projectsCounted,
        BigDecimal planned,
        BigDecimal monthCompleted,
        BigDecimal ytdCompleted,
        BigDecimal previousYearYtdCompleted,
        Tally start,
        Tally resume,
        Tally completed,
        BigDecimal ytdEntered,
        Tally entered) {

    public GroupFigures {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(period, "period");
    }

    /** c = ΣC / ΣP (投资完成率); absent when ΣP = 0 (no counted project). */
    public Rate completionRate() {
        return Rate.of(ytdCompleted, planned);
    }

    /** t = m / 12 (序时进度). */
    public Rate timeProgress() {
        return InvestmentFigures.timeProgress(period);
    }

    /** d = c − t, shown in percentage points. */
    public Rate lag() {
        return completionRate().minus(timeProgress());
    }

    /** 同比增长 = (ΣC − last year's ΣC) / last year's ΣC; absent when last year's YTD is 0. */
    public Rate yoyGrowth() {
        return Rate.of(ytdCompleted.subtract(previousYearYtdCompleted), previousYearYtdCompleted);
    }

    /** 开工率. */
    public Rate startRate() {
        return start.rate();
    }

    /** 复工率. */
    public Rate resumeRate() {
        return resume.rate();
    }

    /** 开复工率 counts: (new started + continued resumed) / (new due or started + continued). */
    public Tally startResume() {
        return start.plus(resume);
    }

    /** 开复工率. */
    public Rate startResumeRate() {
        return startResume().rate();
    }

    /** 竣工率 (projects completed, not to be confused with the investment completion rate c). */
    public Rate completedProjectRate() {
        return completed.rate();
    }

    /** Σ reported YTD − Σ entered YTD (入库差额). */
    public BigDecimal ytdEntryGap() {
        return ytdCompleted.subtract(ytdEntered);
    }

    /** 入库率. */
    public Rate enteredRate() {
        return entered.rate();
    }
}
