package gov.keyproject.contracts;

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

    static final Map<EventType, DomainEvent> SAMPLES = Map.ofEntries(
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
                    LocalDate.of(2026, 7, 15), LocalDate.of(2026, 9, 30), DealStage.TERMINATED)));

    private EventSamples() {
    }
}
