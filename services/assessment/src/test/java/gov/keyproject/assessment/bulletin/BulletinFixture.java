package gov.keyproject.assessment.bulletin;

import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.BulletinPublished;
import gov.keyproject.contracts.assessment.BulletinPublished.AmendmentLine;
import gov.keyproject.contracts.assessment.BulletinPublished.NoticeLine;
import gov.keyproject.contracts.assessment.BulletinPublished.PaperProjectLine;
import gov.keyproject.contracts.assessment.ComponentScore;
import gov.keyproject.contracts.assessment.PenaltyLine;
import gov.keyproject.contracts.assessment.RankedUnit;
import gov.keyproject.contracts.assessment.RankingPublished;
import gov.keyproject.contracts.assessment.ScoreChange;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.statistics.FigureValues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A realistic September 2026 bulletin: three sequences, an unranked unit, moves since August, notices, 纸上项目, 更正. */
final class BulletinFixture {

    static final YearMonth PERIOD = YearMonth.of(2026, 9);
    static final Instant CLOSED_AT = Instant.parse("2026-10-08T01:30:27.123Z"); // 09:30 in Shanghai
    static final String ODD_NAME = "东湖街道<试点&\"示范\">'";

    private BulletinFixture() {
    }

    static BulletinReport report() {
        return report(statistics());
    }

    static BulletinReport report(FigureValues statistics) {
        Map<UnitKind, RankingPublished> rankings = new EnumMap<>(UnitKind.class);
        rankings.put(UnitKind.TOWNSHIP, new RankingPublished(PERIOD, UnitKind.TOWNSHIP, 12, LocalDate.of(2026, 9, 30),
                "CLOSE:2026-09", List.of(
                        unit("T01", "城关镇", 1, "87.5000000000", "1200.5000", all("40", "20", "15", "12.5"),
                                List.of(), "HONOUR", "EXEMPT"),
                        unit("T02", ODD_NAME, 2, "80.1250000000", "980.0000", all("38", "18", "14.125", "10"),
                                List.of(), null, null),
                        unit("T03", "西山乡", 3, "55.4449999999", "310.2500", all("35", "15", "6", "4.4449999999"),
                                List.of(new PenaltyLine("OPEN_RED_NOTICE", 1, dec("2.00")),
                                        new PenaltyLine("PAPER_PROJECT", 1, dec("3.00"))), "BLACK", "NEGATIVE"),
                        new RankedUnit("T04", "滨江街道", null, null, null, dec("0"), List.of(
                                none("INVESTMENT"), none("START_RESUME"), none("FUNDS"), none("MILESTONES")),
                                List.of(), null, null, null, null, List.of())),
                List.of("T01"), List.of("T03")));
        rankings.put(UnitKind.DEPARTMENT, new RankingPublished(PERIOD, UnitKind.DEPARTMENT, 7, LocalDate.of(2026, 9, 30),
                "CLOSE:2026-09", List.of(
                        unit("D01", "发改局", 1, "92.3456789012", "5600.0000", all("45", "20", "15", "12.3456789012"),
                                List.of(), "HONOUR", null),
                        unit("D02", "住建局", 2, "75.0000000000", "3300.0000", List.of(
                                        new ComponentScore("INVESTMENT", dec("0"), dec("0"), null, 40, false, dec("0")),
                                        comp("START_RESUME", "30"), comp("FUNDS", "25"), comp("MILESTONES", "25")),
                                List.of(new PenaltyLine("OPEN_YELLOW_NOTICE", 5, dec("5.00"))), "BLACK", null)),
                List.of("D01"), List.of("D02")));
        rankings.put(UnitKind.DEVELOPMENT_ZONE, new RankingPublished(PERIOD, UnitKind.DEVELOPMENT_ZONE, 3,
                LocalDate.of(2026, 9, 30), "CLOSE:2026-09", List.of(
                        unit("Z01", "高新技术产业开发区", 1, "90.0000000000", "88000.0000", all("40", "20", "15", "15"),
                                List.of(), "HONOUR", null),
                        unit("Z02", "经济开发区", 2, "70.0000000000", "45000.0000", all("30", "15", "15", "10"),
                                List.of(), null, null)),
                List.of("Z01"), List.of()));

        Map<UnitKind, RankingPublished> previous = new EnumMap<>(UnitKind.class);
        previous.put(UnitKind.TOWNSHIP, new RankingPublished(PERIOD.minusMonths(1), UnitKind.TOWNSHIP, 9,
                LocalDate.of(2026, 8, 31), "CLOSE:2026-08", List.of(
                        unit("T03", "西山乡", 1, "88.0000000000", "300", all("40", "20", "15", "13"), List.of(),
                                "HONOUR", null),
                        unit("T02", ODD_NAME, 2, "80.0000000000", "900", all("38", "18", "14", "10"), List.of(),
                                null, null),
                        unit("T01", "城关镇", 3, "85.2500000000", "1100", all("40", "20", "15", "10.25"), List.of(),
                                "BLACK", null),
                        new RankedUnit("T04", "滨江街道", null, null, null, dec("0"), List.of(), List.of(), null, null,
                                null, null, List.of())),
                List.of("T03"), List.of("T01")));
        previous.put(UnitKind.DEPARTMENT, new RankingPublished(PERIOD.minusMonths(1), UnitKind.DEPARTMENT, 5,
                LocalDate.of(2026, 8, 31), "CLOSE:2026-08", List.of(
                        unit("D09", "交通局", 1, "95.0000000000", "7000", all("40", "20", "20", "15"), List.of(),
                                "HONOUR", null),
                        unit("D01", "发改局", 2, "90.0000000000", "5000", all("40", "20", "15", "15"), List.of(),
                                "BLACK", null)),
                List.of("D09"), List.of("D01")));

        Map<WarningColour, Integer> colours = new EnumMap<>(WarningColour.class);
        colours.put(WarningColour.RED, 3);
        colours.put(WarningColour.YELLOW, 7);
        colours.put(WarningColour.GREEN, 118);

        BulletinPublished bulletin = new BulletinPublished(PERIOD, LocalDate.of(2026, 9, 30), CLOSED_AT, "统计局 张三",
                statistics, Map.of(UnitKind.TOWNSHIP, 12L, UnitKind.DEPARTMENT, 7L, UnitKind.DEVELOPMENT_ZONE, 3L),
                colours,
                List.of(notice("DB-2026-0901", "XM-0101", "城南污水处理厂<二期>", "T02", WarningColour.YELLOW, "ISSUED",
                                LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 18)),
                        notice("DB-2026-0902", "XM-0203", "西山文旅综合体", "T03", WarningColour.RED, "ACKNOWLEDGED",
                                LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 22))),
                List.of(notice("DB-2026-0815", "XM-0317", "住建局保障房项目", "D02", WarningColour.RED, "OVERDUE",
                        LocalDate.of(2026, 8, 20), LocalDate.of(2026, 9, 4))),
                List.of(notice("DB-2026-0802", "XM-0011", "城关镇农贸市场改造", "T01", WarningColour.YELLOW, "CLOSED",
                        LocalDate.of(2026, 8, 5), LocalDate.of(2026, 8, 20))),
                List.of(new PaperProjectLine("QY-2025-017", "某某新能源科技有限公司", "T03", dec("50000.0000"),
                        LocalDate.of(2025, 11, 2), LocalDate.of(2026, 9, 15))),
                List.of(new AmendmentLine(YearMonth.of(2026, 7), "XM-0203", "T03", "本年累计完成由 1200.00 万元更正为 1350.00 万元",
                        dec("1200.0000"), dec("1350.0000"))),
                "0".repeat(64), "0".repeat(64));
        return new BulletinReport(bulletin, rankings, previous);
    }

    static FigureValues statistics() {
        return new FigureValues(128, dec("1234567.8912"), dec("23456.7049"), dec("567890.1234"),
                new BigDecimal("0.4599961229411586893720447811016245"), new BigDecimal("0.75"),
                new BigDecimal("-0.2900038770588413106279552188983755"), dec("400000.5000"),
                8, 10, 20, 25, 0, 0);
    }

    /** The same figures with the rates whose denominators are zero. */
    static FigureValues statisticsWithoutRates() {
        return new FigureValues(0, dec("0"), dec("0"), dec("0"), null, new BigDecimal("0.75"), null, dec("0"),
                0, 0, 0, 0, 0, 0);
    }

    private static RankedUnit unit(String code, String name, Integer rank, String score, String ytd,
                                   List<ComponentScore> components, List<PenaltyLine> penalties, String list,
                                   String flag) {
        return new RankedUnit(code, name, rank, dec(score), dec(score), dec(ytd), components, penalties, list, flag,
                null, null, List.of(new ScoreChange("PROJECT:XM-0101", "INVESTMENT", dec("0.5"), "投资完成 +0.50")));
    }

    private static List<ComponentScore> all(String investment, String startResume, String funds, String milestones) {
        return List.of(comp("INVESTMENT", investment), comp("START_RESUME", startResume), comp("FUNDS", funds),
                comp("MILESTONES", milestones));
    }

    private static ComponentScore comp(String name, String points) {
        return new ComponentScore(name, dec("1"), dec("1"), dec("1"), 25, true, dec(points));
    }

    private static ComponentScore none(String name) {
        return new ComponentScore(name, dec("0"), dec("0"), null, 25, false, dec("0"));
    }

    private static NoticeLine notice(String id, String project, String name, String unit, WarningColour colour,
                                     String status, LocalDate issued, LocalDate deadline) {
        return new NoticeLine(id, project, name, unit, colour, status, issued, deadline);
    }

    private static BigDecimal dec(String v) {
        return new BigDecimal(v).setScale(Math.max(10, new BigDecimal(v).scale()));
    }
}
