package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.DealStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The promotion rates of DOMAIN §4 over a set of deals, as of the end of a day (so a past month can be evaluated
 * from the stage dates the deals keep), per responsible unit and overall:
 * <ul>
 *   <li>履约率 performance rate = deals that ever reached 落地 / deals that ever reached 签约 (a deal terminated after
 *   signing stays in the denominator; one terminated after landing stays in both);</li>
 *   <li>资金到位率 funds rate = Σ funds arrived / Σ agreed amounts, over deals that reached 签约 and are not 终止
 *   (funds above the agreed amount count, so it may exceed 100 %);</li>
 *   <li>签约项目开工率 start rate = deals that ever reached 开工 / deals that ever reached 签约.</li>
 * </ul>
 * A deal counts for the unit it belongs to now. Deals not yet registered on the day are left out.
 */
public final class PromotionRates {

    private PromotionRates() {
    }

    /** The figures of one unit ({@code unitCode}) or of all deals ({@code unitCode} null). */
    public record Summary(String unitCode, long deals, Map<DealStage, Long> byStage, long everSigned,
                          long everLanded, long everStarted, long paperProjects, BigDecimal fundsArrived,
                          BigDecimal agreedAmount, Ratio performanceRate, Ratio fundsRate, Ratio startRate) {
    }

    /** How many deals reached each stage within one month (招商漏斗). */
    public record Funnel(YearMonth period, Map<DealStage, Long> reached) {
    }

    public static Summary overall(Collection<Deal> deals, LocalDate asOf) {
        return summary(null, deals, asOf);
    }

    /** One summary per responsible unit that has at least one deal registered by {@code asOf}. */
    public static SortedMap<String, Summary> byUnit(Collection<Deal> deals, LocalDate asOf) {
        Map<String, List<Deal>> grouped = deals.stream().filter(d -> d.stageOn(asOf).isPresent())
                .collect(Collectors.groupingBy(Deal::unitCode));
        SortedMap<String, Summary> out = new TreeMap<>();
        grouped.forEach((unit, list) -> out.put(unit, summary(unit, list, asOf)));
        return Collections.unmodifiableSortedMap(out);
    }

    static Summary summary(String unitCode, Collection<Deal> deals, LocalDate asOf) {
        Map<DealStage, Long> byStage = new EnumMap<>(DealStage.class);
        for (DealStage s : DealStage.values()) {
            byStage.put(s, 0L);
        }
        long count = 0;
        long signed = 0;
        long landed = 0;
        long started = 0;
        long paper = 0;
        BigDecimal funds = BigDecimal.ZERO.setScale(2);
        BigDecimal agreed = BigDecimal.ZERO.setScale(2);
        for (Deal d : deals) {
            var stage = d.stageOn(asOf);
            if (stage.isEmpty()) {
                continue;
            }
            count++;
            byStage.merge(stage.get(), 1L, Long::sum);
            if (d.reachedBy(DealStage.SIGNED, asOf)) {
                signed++;
                if (!d.reachedBy(DealStage.TERMINATED, asOf)) {
                    funds = funds.add(d.fundsArrivedBy(asOf));
                    agreed = agreed.add(d.state().signing().agreedAmount());
                }
            }
            if (d.reachedBy(DealStage.LANDED, asOf)) {
                landed++;
            }
            if (d.reachedBy(DealStage.STARTED, asOf)) {
                started++;
            }
            if (PaperProjects.isPaper(d, asOf)) {
                paper++;
            }
        }
        return new Summary(unitCode, count, Collections.unmodifiableMap(byStage), signed, landed, started, paper,
                funds, agreed, Ratio.of(landed, signed), Ratio.of(funds, agreed), Ratio.of(started, signed));
    }

    /** The deals that reached each stage (every stage listed, zero included) within {@code period}. */
    public static Funnel funnel(Collection<Deal> deals, YearMonth period) {
        Map<DealStage, Long> reached = new EnumMap<>(DealStage.class);
        for (DealStage s : DealStage.values()) {
            long n = deals.stream().filter(d -> d.reachedOn(s).map(YearMonth::from).filter(period::equals).isPresent())
                    .count();
            reached.put(s, n);
        }
        return new Funnel(period, Collections.unmodifiableMap(reached));
    }

    /** {@link #funnel} for every month from {@code from} to {@code to}, inclusive. */
    public static List<Funnel> funnels(Collection<Deal> deals, YearMonth from, YearMonth to) {
        List<Funnel> out = new ArrayList<>();
        for (YearMonth p = from; !p.isAfter(to); p = p.plusMonths(1)) {
            out.add(funnel(deals, p));
        }
        return out;
    }
}
