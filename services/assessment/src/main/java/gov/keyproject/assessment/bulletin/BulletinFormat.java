package gov.keyproject.assessment.bulletin;

import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.ComponentScore;
import gov.keyproject.contracts.assessment.PenaltyLine;
import gov.keyproject.contracts.assessment.RankedUnit;
import gov.keyproject.contracts.assessment.RankingPublished;
import gov.keyproject.contracts.assessment.WarningColour;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What both bulletin exports show and how: labels, rounding and the comparisons with the previous bulletin. Pure and
 * independent of the default locale and time zone (zone Asia/Shanghai, formats with {@link Locale#ROOT}), so the
 * workbook and the page say the same thing and render the same bytes anywhere.
 */
final class BulletinFormat {

    /** Shown for an absent value (a rate with a zero denominator, a missing score…). */
    static final String ABSENT = "—";
    static final String NOT_APPLICABLE = "不适用";
    static final String NEW = "新";
    static final String NONE = "（无）";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int DISPLAY_SCALE = 2;

    /** The score components in their usual column order; others found in the events follow them. */
    static final List<String> COMPONENTS = List.of("INVESTMENT", "START_RESUME", "FUNDS", "MILESTONES");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BulletinFormat() {
    }

    static String title(YearMonth period) {
        return periodText(period) + "重点项目建设月度通报";
    }

    static String periodText(YearMonth period) {
        return period.getYear() + "年" + period.getMonthValue() + "月";
    }

    static String kindLabel(UnitKind kind) {
        switch (kind) {
            case TOWNSHIP:
                return "乡镇/街道";
            case DEPARTMENT:
                return "部门";
            case DEVELOPMENT_ZONE:
                return "开发区/园区";
            default:
                return kind.name();
        }
    }

    /** A sheet name may not contain '/', so "红黑榜-乡镇街道". */
    static String rankingSheetName(UnitKind kind) {
        return "红黑榜-" + kindLabel(kind).replace("/", "");
    }

    static String rankingTitle(YearMonth period, UnitKind kind) {
        return periodText(period) + "考核红黑榜（" + kindLabel(kind) + "）";
    }

    static String rankingSubtitle(RankingPublished ranking) {
        return "排名截至 " + date(ranking.asOf()) + "，第 " + ranking.version() + " 版";
    }

    static String componentLabel(String component) {
        switch (component) {
            case "INVESTMENT":
                return "投资完成";
            case "START_RESUME":
                return "开复工率";
            case "FUNDS":
                return "资金到位率";
            case "MILESTONES":
                return "节点按期";
            default:
                return component;
        }
    }

    static String penaltyLabel(String kind) {
        switch (kind) {
            case "OPEN_YELLOW_NOTICE":
                return "黄色督办单";
            case "OPEN_RED_NOTICE":
                return "红色督办单";
            case "OVERDUE_NOTICE":
                return "督办单逾期";
            case "PAPER_PROJECT":
                return "纸上项目";
            default:
                return kind;
        }
    }

    /** 红榜, 黑榜 or blank. */
    static String listLabel(String list) {
        if ("HONOUR".equals(list)) {
            return "红榜";
        }
        if ("BLACK".equals(list)) {
            return "黑榜";
        }
        return list == null ? "" : list;
    }

    /** 免试清单, 负面清单 or blank. */
    static String flagLabel(String flag) {
        if ("EXEMPT".equals(flag)) {
            return "免试清单";
        }
        if ("NEGATIVE".equals(flag)) {
            return "负面清单";
        }
        return flag == null ? "" : flag;
    }

    static String statusLabel(String status) {
        if (status == null) {
            return "";
        }
        switch (status) {
            case "ISSUED":
                return "已下发";
            case "ACKNOWLEDGED":
                return "已领办";
            case "RECTIFIED":
                return "已整改";
            case "REJECTED":
                return "已驳回";
            case "CLOSED":
                return "已销号";
            case "ESCALATED":
                return "已升级";
            case "OVERDUE":
                return "逾期";
            default:
                return status;
        }
    }

    static String colourLabel(WarningColour colour) {
        return colour == null ? "" : colour.label();
    }

    /** Colours as the bulletin lists them: 红, 黄, 绿. */
    static List<WarningColour> colourOrder() {
        return List.of(WarningColour.RED, WarningColour.YELLOW, WarningColour.GREEN);
    }

    static int colourCount(Map<WarningColour, Integer> counts, WarningColour colour) {
        Integer n = counts == null ? null : counts.get(colour);
        return n == null ? 0 : n;
    }

    /** Rounded half-up to 2 places (四舍五入), null stays null. */
    static BigDecimal rounded(BigDecimal value) {
        return value == null ? null : value.setScale(DISPLAY_SCALE, RoundingMode.HALF_UP);
    }

    /** "87.50", or "—" when absent. */
    static String decimal(BigDecimal value) {
        return value == null ? ABSENT : rounded(value).toPlainString();
    }

    /** An amount (万元) rounded half-up to 2 places with thousands separators: "1,234,567.89", or "—" when absent. */
    static String amount(BigDecimal value) {
        return value == null ? ABSENT : grouped(rounded(value));
    }

    /** A change of an amount: "+1,350.00", "-20.00", "0.00", or "—" when absent. */
    static String signedAmount(BigDecimal value) {
        if (value == null) {
            return ABSENT;
        }
        BigDecimal r = rounded(value);
        return (r.signum() > 0 ? "+" : "") + grouped(r);
    }

    private static String grouped(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(whole.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + b + (dot < 0 ? "" : plain.substring(dot));
    }

    /** "+1.25", "-0.50", "0.00", or "—" when absent. */
    static String signed(BigDecimal value) {
        if (value == null) {
            return ABSENT;
        }
        BigDecimal r = rounded(value);
        return (r.signum() > 0 ? "+" : "") + r.toPlainString();
    }

    /** A fraction as a percentage rounded half-up to 2 places: "45.67%", or "—" when absent. */
    static String percent(BigDecimal fraction) {
        BigDecimal p = percentPoints(fraction);
        return p == null ? ABSENT : p.toPlainString() + "%";
    }

    /** A fraction (or a difference of fractions, the lag) in percent(age points), 2 places; null when absent. */
    static BigDecimal percentPoints(BigDecimal fraction) {
        return fraction == null ? null : fraction.multiply(HUNDRED).setScale(DISPLAY_SCALE, RoundingMode.HALF_UP);
    }

    /** "8/10 (80.00%)", or "—" when the denominator is 0. */
    static String ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return ABSENT;
        }
        BigDecimal p = BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), DISPLAY_SCALE, RoundingMode.HALF_UP);
        return numerator + "/" + denominator + " (" + p.toPlainString() + "%)";
    }

    /** ISO date "2026-09-30", blank when absent. */
    static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** "2026-10-01 09:30" in Asia/Shanghai, blank when absent. */
    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(localDateTime(instant));
    }

    static LocalDateTime localDateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** The sequences with a pinned ranking, in {@link UnitKind} order (never the map's own order). */
    static List<UnitKind> sequences(Map<UnitKind, RankingPublished> rankings) {
        List<UnitKind> kinds = new ArrayList<>();
        for (UnitKind kind : UnitKind.values()) {
            if (rankings.containsKey(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The component columns of a ranking: the usual four, then any other found, in order of appearance. */
    static List<String> componentColumns(RankingPublished ranking) {
        List<String> columns = new ArrayList<>(COMPONENTS);
        for (RankedUnit u : ranking.units()) {
            for (ComponentScore c : u.components()) {
                if (c.component() != null && !columns.contains(c.component())) {
                    columns.add(c.component());
                }
            }
        }
        return columns;
    }

    static ComponentScore component(RankedUnit unit, String name) {
        for (ComponentScore c : unit.components()) {
            if (name.equals(c.component())) {
                return c;
            }
        }
        return null;
    }

    /** The points a component adds (rounded), "不适用" when it does not apply, blank when the unit lacks it. */
    static String componentText(ComponentScore c) {
        if (c == null) {
            return "";
        }
        return c.applies() ? decimal(c.points()) : NOT_APPLICABLE;
    }

    /** The points deducted by all the unit's penalties (exact). */
    static BigDecimal penaltyTotal(RankedUnit unit) {
        BigDecimal total = BigDecimal.ZERO;
        for (PenaltyLine p : unit.penalties()) {
            if (p.points() != null) {
                total = total.add(p.points());
            }
        }
        return total;
    }

    /** "红色督办单×1 扣2.00；纸上项目×1 扣3.00", blank without penalties. */
    static String penaltyDetail(RankedUnit unit) {
        StringBuilder b = new StringBuilder();
        for (PenaltyLine p : unit.penalties()) {
            if (b.length() > 0) {
                b.append('；');
            }
            b.append(penaltyLabel(p.kind())).append('×').append(p.count()).append(" 扣").append(decimal(p.points()));
        }
        return b.toString();
    }

    /** The unit in the previous bulletin's ranking of the same sequence, or null. */
    static RankedUnit previous(Map<UnitKind, RankingPublished> previousRankings, UnitKind kind, String unitCode) {
        RankingPublished before = previousRankings.get(kind);
        if (before == null) {
            return null;
        }
        for (RankedUnit u : before.units()) {
            if (Objects.equals(u.unitCode(), unitCode)) {
                return u;
            }
        }
        return null;
    }

    /** The previous bulletin's rank, null when the unit was absent or unranked then. */
    static Integer previousRank(RankedUnit before) {
        return before == null ? null : before.rank();
    }

    /**
     * The move since the previous bulletin: "↑2" (up two places), "↓1", "—" when unchanged (or when either rank is
     * missing), "新" when the unit was not in the previous bulletin's ranking of the sequence.
     */
    static String rankChange(RankedUnit now, RankedUnit before) {
        if (before == null) {
            return NEW;
        }
        if (now.rank() == null || before.rank() == null) {
            return ABSENT;
        }
        int up = before.rank() - now.rank();
        if (up > 0) {
            return "↑" + up;
        }
        if (up < 0) {
            return "↓" + (-up);
        }
        return ABSENT;
    }

    /**
     * The score change since the previous bulletin, as the difference of the two scores as shown (each rounded to
     * 2 places), so a reader subtracting the printed scores gets the printed change; null when either is missing.
     */
    static BigDecimal scoreChange(RankedUnit now, RankedUnit before) {
        if (before == null || now.score() == null || before.score() == null) {
            return null;
        }
        return rounded(now.score()).subtract(rounded(before.score()));
    }

    /** Unit names by code from the pinned rankings (then the previous ones), to name the units of notices. */
    static Map<String, String> unitNames(BulletinReport report) {
        Map<String, String> names = new HashMap<>();
        for (UnitKind kind : UnitKind.values()) {
            addNames(names, report.rankings().get(kind));
        }
        for (UnitKind kind : UnitKind.values()) {
            addNames(names, report.previousRankings().get(kind));
        }
        return names;
    }

    private static void addNames(Map<String, String> names, RankingPublished ranking) {
        if (ranking != null) {
            for (RankedUnit u : ranking.units()) {
                if (u.unitName() != null) {
                    names.putIfAbsent(u.unitCode(), u.unitName());
                }
            }
        }
    }

    /** The name of a unit in a ranking, or its code when the ranking does not list it. */
    static String unitName(RankingPublished ranking, String unitCode) {
        for (RankedUnit u : ranking.units()) {
            if (Objects.equals(u.unitCode(), unitCode)) {
                return text(u.unitName());
            }
        }
        return unitCode;
    }

    /** frozen → live, the change an amendment made; null when either is missing. */
    static BigDecimal difference(BigDecimal frozen, BigDecimal live) {
        return frozen == null || live == null ? null : live.subtract(frozen);
    }
}
