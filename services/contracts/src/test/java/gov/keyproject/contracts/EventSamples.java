package gov.keyproject.contracts;

import gov.keyproject.contracts.assessment.BulletinPublished;
import gov.keyproject.contracts.assessment.ColourChanged;
import gov.keyproject.contracts.assessment.ComponentScore;
import gov.keyproject.contracts.assessment.NoticeChanged;
import gov.keyproject.contracts.assessment.NoticeIssued;
import gov.keyproject.contracts.assessment.NoticeStep;
import gov.keyproject.contracts.assessment.NoticeView;
import gov.keyproject.contracts.assessment.PenaltyLine;
import gov.keyproject.contracts.assessment.RankedUnit;
import gov.keyproject.contracts.assessment.RankingPublished;
import gov.keyproject.contracts.assessment.ScoreChange;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.assessment.WarningReason;
import gov.keyproject.contracts.project.ApprovalKind;
import gov.keyproject.contracts.project.ApprovalStatus;
import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.PhotoAttached;
import gov.keyproject.contracts.project.ProblemAssigned;
import gov.keyproject.contracts.project.ProblemRaised;
import gov.keyproject.contracts.project.ProblemResolved;
import gov.keyproject.contracts.project.ProblemType;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.promotion.DealChanged;
import gov.keyproject.contracts.promotion.DealLanded;
import gov.keyproject.contracts.promotion.DealRegistered;
import gov.keyproject.contracts.promotion.DealSigned;
import gov.keyproject.contracts.promotion.DealSnapshot;
import gov.keyproject.contracts.promotion.DealStage;
import gov.keyproject.contracts.promotion.DealStageChanged;
import gov.keyproject.contracts.promotion.DealTerminated;
import gov.keyproject.contracts.promotion.FundsArrived;
import gov.keyproject.contracts.promotion.PaperProjectCleared;
import gov.keyproject.contracts.promotion.PaperProjectFlagged;
import gov.keyproject.contracts.promotion.SourceKind;
import gov.keyproject.contracts.registry.UnitChanged;
import gov.keyproject.contracts.registry.UnitRegistered;
import gov.keyproject.contracts.statistics.ClosedPeriodAmended;
import gov.keyproject.contracts.statistics.FigureValues;
import gov.keyproject.contracts.statistics.InvestmentEntered;
import gov.keyproject.contracts.statistics.PeriodClosed;
import gov.keyproject.contracts.statistics.ProjectFiguresUpdated;
import gov.keyproject.contracts.statistics.UnitFiguresUpdated;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** One realistic sample per catalogued event type; a type without a sample fails the schema test. */
final class EventSamples {

    static final String CODE = "2026-370103-48-01-000123";

    static final ProjectSnapshot PROJECT = new ProjectSnapshot(CODE, "城东新能源电池产业园一期", ProjectCategory.INDUSTRIAL,
            ProjectLevel.MUNICIPAL, ConstructionType.NEW, new BigDecimal("52000.00"),
            Map.of(2026, new BigDecimal("18000.00"), 2027, new BigDecimal("34000")), LocalDate.of(2026, 3, 1),
            LocalDate.of(2027, 12, 31), "城关镇", "U-ZN-01", "李副县长", "某某新能源有限公司", null,
            ProjectPhase.UNDER_CONSTRUCTION, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 18), null,
            List.of(new ProjectSnapshot.MilestoneState(MilestoneKind.START, LocalDate.of(2026, 3, 1),
                            LocalDate.of(2026, 3, 18)),
                    new ProjectSnapshot.MilestoneState(MilestoneKind.MAIN_STRUCTURE_COMPLETED,
                            LocalDate.of(2026, 11, 30), null)),
            List.of(new ProjectSnapshot.ApprovalState(ApprovalKind.ENVIRONMENT, ApprovalStatus.DONE)));

    static final FigureValues FIGURES = new FigureValues(12, new BigDecimal("36000.00"), new BigDecimal("1250.50"),
            new BigDecimal("15772.40"), new BigDecimal("0.4381222222"), new BigDecimal("0.8333333333"),
            new BigDecimal("-0.3952111111"), new BigDecimal("14000.00"), 5, 6, 4, 6, 1, 2);

    static final DealSnapshot DEAL = new DealSnapshot("D-2026-0042", "某某智能科技有限公司", "高端装备", SourceKind.FAIR,
            "青洽会", new BigDecimal("50000.00"), "U-ZN-01", DealStage.SIGNED, LocalDate.of(2026, 2, 10),
            Map.of(DealStage.NEGOTIATING, LocalDate.of(2026, 2, 10), DealStage.SIGNED, LocalDate.of(2026, 6, 18)),
            new BigDecimal("30000.00"), LocalDate.of(2026, 6, 18), new BigDecimal("4500.00"), null, null, null,
            false);

    /** A new project in 城关镇, coloured from 2026-09-10 on (it became READY): 40 days past its planned start. */
    static final String LATE_CODE = "2026-370103-77-01-000208";

    static final List<WarningReason> LATE_REASONS = List.of(
            new WarningReason("NOT_STARTED", WarningColour.RED, "计划开工 2026-08-01，已逾期 40 天未开工"),
            new WarningReason("MILESTONE_OVERDUE", WarningColour.YELLOW,
                    "时间节点“施工许可”计划 2026-08-25，已逾期 16 天未完成"));

    /** The red notice (挂牌督办单) it got, acknowledged and then rectified by the unit. */
    static final NoticeStep RECTIFIED = new NoticeStep("RECTIFY", "ACKNOWLEDGED", "RECTIFIED", "U-TS-01:王建国",
            LocalDate.of(2026, 9, 16), Instant.parse("2026-09-16T07:42:10Z"),
            "已取得施工许可证，项目于 2026-09-15 开工，附开工现场照片");

    static final NoticeView RED_NOTICE = new NoticeView(LATE_CODE + "_1", LATE_CODE, "城关镇污水处理厂提标改造工程",
            "U-TS-01", WarningColour.RED, "RECTIFIED", "RECTIFIED", false, LocalDate.of(2026, 9, 10),
            LocalDate.of(2026, 9, 17), LATE_REASONS, "李副县长", null, null,
            List.of(new NoticeStep("ISSUE", null, "ISSUED", "system", LocalDate.of(2026, 9, 10),
                            Instant.parse("2026-09-10T00:05:00Z"), "项目转为红色预警"),
                    new NoticeStep("ACKNOWLEDGE", "ISSUED", "ACKNOWLEDGED", "U-TS-01:王建国",
                            LocalDate.of(2026, 9, 11), Instant.parse("2026-09-11T01:20:33Z"), null),
                    RECTIFIED));

    /** A reminder (提示单): green, no deadline, nothing copied or escalated. */
    static final NoticeView REMINDER = new NoticeView(CODE + "_2", CODE, "城东新能源电池产业园一期", "U-ZN-01",
            WarningColour.GREEN, "ISSUED", "ISSUED", false, LocalDate.of(2026, 11, 23), null,
            List.of(new WarningReason("MILESTONE_DUE", WarningColour.GREEN,
                    "时间节点“主体完工”计划 2026-11-30，还有 7 天")),
            null, null, null,
            List.of(new NoticeStep("ISSUE", null, "ISSUED", "system", LocalDate.of(2026, 11, 23),
                    Instant.parse("2026-11-23T00:05:00Z"), "临近时间节点或填报截止日")));

    /** Exact decimals at the scale rankings are published with (10 places; zero is 0E-10). */
    private static BigDecimal d(String value) {
        return new BigDecimal(value).setScale(10);
    }

    /**
     * 城关镇, period 2026-10 (t = 10/12): all four components apply (weights 40/20/20/20); an open red notice (5)
     * and an overdue notice (3) cost 8 points; a project's first report moved two components.
     */
    static final RankedUnit CHENGGUAN = new RankedUnit("U-TS-01", "城关镇", 2, d("65.4956444444"),
            d("73.4956444444"), new BigDecimal("15772.40"),
            List.of(new ComponentScore("INVESTMENT", d("15772.40"), d("17500"), d("0.90128"), 40, true,
                            d("36.0512")),
                    new ComponentScore("START_RESUME", d("8"), d("9"), d("0.8888888889"), 20, true,
                            d("17.7777777778")),
                    new ComponentScore("FUNDS", d("4500"), d("30000"), d("0.15"), 20, true, d("3")),
                    new ComponentScore("MILESTONES", d("5"), d("6"), d("0.8333333333"), 20, true,
                            d("16.6666666667"))),
            List.of(new PenaltyLine("OPEN_RED_NOTICE", 1, new BigDecimal("5.00")),
                    new PenaltyLine("OVERDUE_NOTICE", 1, new BigDecimal("3.00"))),
            "BLACK", "NEGATIVE", 2, d("62.6962793651"),
            List.of(new ScoreChange("2026-370103-44-01-000311", "INVESTMENT", d("0.5771428571"),
                            "城关镇冷链物流园 2026-10 月度进度：投资完成 +0.58 分"),
                    new ScoreChange("2026-370103-44-01-000311", "START_RESUME", d("2.2222222222"),
                            "城关镇冷链物流园 2026-10 月度进度：开复工率 +2.22 分")));

    /** 柳泉镇: no signed deal, so FUNDS does not apply and the other weights are rescaled to 100. */
    static final RankedUnit LIUQUAN = new RankedUnit("U-TS-02", "柳泉镇", 1, d("90.8333333333"),
            d("90.8333333333"), new BigDecimal("9000.00"),
            List.of(new ComponentScore("INVESTMENT", d("9000"), d("10000"), d("0.9"), 40, true, d("45")),
                    new ComponentScore("START_RESUME", d("5"), d("6"), d("0.8333333333"), 20, true,
                            d("20.8333333333")),
                    new ComponentScore("FUNDS", d("0"), d("0"), d("0"), 20, false, d("0")),
                    new ComponentScore("MILESTONES", d("4"), d("4"), d("1"), 20, true, d("25"))),
            List.of(), "HONOUR", null, 1, d("90.8333333333"), List.of());

    /** 石门街道: no component applies, so it has neither rank nor score; it is on the exemption list. */
    static final RankedUnit SHIMEN = new RankedUnit("U-TS-03", "石门街道", null, null, d("0"),
            new BigDecimal("0.00"),
            List.of(new ComponentScore("INVESTMENT", d("0"), d("0"), d("0"), 40, false, d("0")),
                    new ComponentScore("START_RESUME", d("0"), d("0"), d("0"), 20, false, d("0")),
                    new ComponentScore("FUNDS", d("0"), d("0"), d("0"), 20, false, d("0")),
                    new ComponentScore("MILESTONES", d("0"), d("0"), d("0"), 20, false, d("0"))),
            List.of(), "HONOUR", "EXEMPT", null, null, List.of());

    static final Map<EventType, DomainEvent> SAMPLES = Map.ofEntries(
            Map.entry(EventType.INVESTMENT_ENTRY_RECORDED, new gov.keyproject.contracts.statistics.InvestmentEntryRecorded(
                    "2026-370103-48-01-000123", java.time.YearMonth.of(2026, 9), new BigDecimal("1180.00"), 2)),
            Map.entry(EventType.INVESTMENT_ENTERED, new InvestmentEntered(CODE, YearMonth.of(2026, 10),
                    new BigDecimal("1180.00"))),
            Map.entry(EventType.PROJECT_FIGURES_UPDATED, new ProjectFiguresUpdated(CODE, "U-ZN-01",
                    YearMonth.of(2026, 10), true, FIGURES)),
            Map.entry(EventType.UNIT_FIGURES_UPDATED, new UnitFiguresUpdated("U-ZN-01", YearMonth.of(2026, 10), CODE,
                    FIGURES)),
            Map.entry(EventType.PERIOD_CLOSED, new PeriodClosed(YearMonth.of(2026, 10),
                    Instant.parse("2026-11-06T01:00:00Z"), "operator-li", FIGURES)),
            Map.entry(EventType.CLOSED_PERIOD_AMENDED, new ClosedPeriodAmended(YearMonth.of(2026, 10), CODE,
                    "U-ZN-01", "更正月度进度 2026-10", new BigDecimal("15772.40"), new BigDecimal("15822.90"),
                    Instant.parse("2026-11-09T02:00:00Z"))),
            Map.entry(EventType.UNIT_REGISTERED, new UnitRegistered("U-TS-01", "城关镇", UnitKind.TOWNSHIP)),
            Map.entry(EventType.UNIT_CHANGED, new UnitChanged("U-DP-03", "住房和城乡建设局", UnitKind.DEPARTMENT)),
            Map.entry(EventType.PROJECT_REGISTERED, new ProjectRegistered(PROJECT)),
            Map.entry(EventType.PROJECT_CHANGED, new ProjectChanged(PROJECT, List.of("plannedInvestment", "milestones"))),
            Map.entry(EventType.PROJECT_PHASE_CHANGED, new ProjectPhaseChanged(PROJECT, ProjectPhase.READY,
                    ProjectPhase.UNDER_CONSTRUCTION, LocalDate.of(2026, 3, 18))),
            Map.entry(EventType.PROGRESS_REPORTED, new ProgressReported(CODE, "U-ZN-01", YearMonth.of(2026, 10), 2,
                    new BigDecimal("1250.50"), new BigDecimal("1200.00"), new BigDecimal("50.50"), true,
                    "主体结构施工至第 6 层", 45, 1, "system-U-ZN-01@U-ZN-01", false, LocalDate.of(2026, 11, 3))),
            Map.entry(EventType.PROBLEM_RAISED, new ProblemRaised(CODE, "U-ZN-01", "PB-1", ProblemType.UTILITIES,
                    "施工用电增容未落实", "请供电公司协调", "供电公司", LocalDate.of(2026, 11, 20),
                    LocalDate.of(2026, 11, 3))),
            Map.entry(EventType.PROBLEM_ASSIGNED, new ProblemAssigned(CODE, "U-ZN-01", "PB-1", "发改局",
                    LocalDate.of(2026, 11, 25))),
            Map.entry(EventType.PROBLEM_RESOLVED, new ProblemResolved(CODE, "U-ZN-01", "PB-1", "已完成增容",
                    LocalDate.of(2026, 11, 18))),
            Map.entry(EventType.PHOTO_ATTACHED, new PhotoAttached(CODE, YearMonth.of(2026, 10), "PH-1", "image/jpeg",
                    204_800, Instant.parse("2026-10-28T02:30:00Z"), new BigDecimal("36.651200"),
                    new BigDecimal("117.120000"))),
            Map.entry(EventType.DEAL_LANDED, new DealLanded("D-2026-0042", null, "智能装备制造基地", "某某智能科技有限公司",
                    "高端装备", ProjectCategory.INDUSTRIAL, "U-ZN-01", new BigDecimal("30000"),
                    LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 1), null)),
            Map.entry(EventType.DEAL_REGISTERED, new DealRegistered(new DealSnapshot("D-2026-0051", "某某新材料有限公司",
                    "新材料", SourceKind.VISIT, null, new BigDecimal("12000.00"), "U-TS-01", DealStage.NEGOTIATING,
                    LocalDate.of(2026, 10, 9), Map.of(DealStage.NEGOTIATING, LocalDate.of(2026, 10, 9)), null, null,
                    new BigDecimal("0.00"), null, null, null, false))),
            Map.entry(EventType.DEAL_CHANGED, new DealChanged(DEAL, List.of("intendedInvestment", "contacts"))),
            Map.entry(EventType.DEAL_STAGE_CHANGED, new DealStageChanged(DEAL, DealStage.NEGOTIATING, DealStage.SIGNED,
                    LocalDate.of(2026, 6, 18))),
            Map.entry(EventType.DEAL_SIGNED, new DealSigned("D-2026-0042", "U-ZN-01", new BigDecimal("30000.00"),
                    LocalDate.of(2026, 6, 18))),
            Map.entry(EventType.FUNDS_ARRIVED, new FundsArrived("D-2026-0042", "U-ZN-01", LocalDate.of(2026, 8, 5),
                    new BigDecimal("1500.00"), new BigDecimal("4500.00"), new BigDecimal("30000.00"))),
            Map.entry(EventType.DEAL_TERMINATED, new DealTerminated("D-2026-0037", "U-TS-01", DealStage.SIGNED,
                    LocalDate.of(2026, 9, 30), "企业资金链断裂")),
            Map.entry(EventType.PAPER_PROJECT_FLAGGED, new PaperProjectFlagged("D-2026-0037", "U-TS-01",
                    LocalDate.of(2026, 1, 15), LocalDate.of(2026, 7, 15))),
            Map.entry(EventType.PAPER_PROJECT_CLEARED, new PaperProjectCleared("D-2026-0037", "U-TS-01",
                    LocalDate.of(2026, 7, 15), LocalDate.of(2026, 9, 30), DealStage.TERMINATED)),
            Map.entry(EventType.COLOUR_CHANGED, new ColourChanged(LATE_CODE, "U-TS-01", WarningColour.GREEN,
                    WarningColour.RED, LATE_REASONS, LocalDate.of(2026, 9, 10))),
            Map.entry(EventType.NOTICE_ISSUED, new NoticeIssued(REMINDER)),
            Map.entry(EventType.NOTICE_CHANGED, new NoticeChanged(RED_NOTICE, RECTIFIED)),
            Map.entry(EventType.RANKING_PUBLISHED, new RankingPublished(YearMonth.of(2026, 10), UnitKind.TOWNSHIP, 14,
                    LocalDate.of(2026, 11, 4), "2026-370103-44-01-000311", List.of(LIUQUAN, CHENGGUAN, SHIMEN),
                    List.of("U-TS-03", "U-TS-02"), List.of("U-TS-01"))),
            Map.entry(EventType.BULLETIN_PUBLISHED, new BulletinPublished(YearMonth.of(2026, 10),
                    LocalDate.of(2026, 11, 6), Instant.parse("2026-11-06T01:00:00Z"), "operator-li", FIGURES,
                    Map.of(UnitKind.TOWNSHIP, 14L, UnitKind.DEPARTMENT, 9L, UnitKind.DEVELOPMENT_ZONE, 11L),
                    Map.of(WarningColour.GREEN, 31, WarningColour.YELLOW, 6, WarningColour.RED, 2),
                    List.of(new BulletinPublished.NoticeLine("2026-370103-52-01-000287_3", "2026-370103-52-01-000287",
                                    "城关镇农贸市场改造提升项目", "U-TS-01", WarningColour.RED, "OVERDUE",
                                    LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 27)),
                            new BulletinPublished.NoticeLine("2026-370103-83-01-000415_1", "2026-370103-83-01-000415",
                                    "县人民医院门诊综合楼", "U-DP-03", WarningColour.YELLOW, "ACKNOWLEDGED",
                                    LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 27)),
                            new BulletinPublished.NoticeLine(CODE + "_1", CODE, "城东新能源电池产业园一期",
                                    "U-ZN-01", WarningColour.GREEN, "ISSUED", LocalDate.of(2026, 10, 29), null)),
                    List.of(new BulletinPublished.NoticeLine("2026-370103-52-01-000287_3", "2026-370103-52-01-000287",
                            "城关镇农贸市场改造提升项目", "U-TS-01", WarningColour.RED, "OVERDUE",
                            LocalDate.of(2026, 10, 20), LocalDate.of(2026, 10, 27))),
                    List.of(new BulletinPublished.NoticeLine(LATE_CODE + "_1", LATE_CODE, "城关镇污水处理厂提标改造工程",
                            "U-TS-01", WarningColour.RED, "CLOSED", LocalDate.of(2026, 9, 10),
                            LocalDate.of(2026, 9, 17))),
                    List.of(new BulletinPublished.PaperProjectLine("D-2026-0029", "某某生物医药有限公司", "U-DP-05",
                            new BigDecimal("8000.00"), LocalDate.of(2026, 3, 20), LocalDate.of(2026, 9, 17))),
                    List.of(new BulletinPublished.AmendmentLine(YearMonth.of(2026, 9), CODE, "U-ZN-01",
                            "更正月度进度 2026-09", new BigDecimal("14521.90"), new BigDecimal("14572.40"))),
                    "ee1bd7d8d6909e9fdd104dc005914adc319f0d4265ebc24717befc691990490d",
                    "45a0638744c10d5cd944a1702e0cdbd5f0627fe5ff9bd9a8a12b280b709ee999")));

    private EventSamples() {
    }
}
