package gov.keyproject.statistics.project;

import gov.keyproject.statistics.figures.Dimension;
import gov.keyproject.statistics.figures.EnteredInvestment;
import gov.keyproject.statistics.figures.GroupFigures;
import gov.keyproject.statistics.figures.InvestmentFigures;
import gov.keyproject.statistics.figures.ProjectFacts;
import gov.keyproject.statistics.figures.ProjectFigures;
import gov.keyproject.statistics.figures.Rate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Figures (投资统计) computed from the read model with the §3 formulas, for any period as of today. Rates carry
 * both the exact value and the display ("43.81%", or "—" when the denominator is zero).
 */
@RestController
@Tag(name = "投资统计 Figures", description = "YTD completion, time progress and lag, YoY, start/resume/completion rates")
class FiguresController {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final gov.keyproject.statistics.feed.FeedStore feed;

    FiguresController(MongoTemplate mongo, Clock clock, gov.keyproject.statistics.feed.FeedStore feed) {
        this.mongo = mongo;
        this.clock = clock;
        this.feed = feed;
    }

    /** A rate: exact decimal (null when absent) and its display. */
    record RateView(BigDecimal value, String display) {
        static RateView of(Rate rate) {
            return new RateView(rate.value().orElse(null), rate.display());
        }
    }

    record GroupView(String dimension, String key, int projects, BigDecimal ytdCompleted, BigDecimal planned,
                     RateView completionRate, RateView timeProgress, String lagPoints, RateView yoyGrowth,
                     RateView startRate, RateView resumeRate, RateView startResumeRate, RateView completionRatio,
                     RateView enteredRate, BigDecimal entryGap) {
    }

    record ProjectView(String code, String unitCode, boolean counted, BigDecimal monthCompleted,
                       BigDecimal ytdCompleted, BigDecimal planned, RateView completionRate, RateView timeProgress,
                       String lagPoints, BigDecimal ytdEntered, BigDecimal entryGap) {
    }

    @GetMapping("/api/v1/figures")
    @Operation(summary = "分组统计 (by UNIT, TOWNSHIP, CATEGORY, LEVEL or TOTAL) for a period, default the assessment "
            + "period (last month)")
    List<GroupView> groups(@RequestParam(required = false) @Parameter(example = "2026-10") YearMonth period,
                           @RequestParam(defaultValue = "TOTAL") Dimension dimension) {
        InvestmentFigures figures = figures(period);
        List<ProjectFacts> facts = ProjectReadModel.facts(mongo, null);
        EnteredInvestment entered = feed.entered();
        List<GroupFigures> groups = dimension == Dimension.TOTAL
                ? List.of(figures.total(facts, entered))
                : figures.byDimension(dimension, facts, entered);
        return groups.stream().map(FiguresController::view).toList();
    }

    @GetMapping("/api/v1/figures/projects")
    @Operation(summary = "项目统计 for a period (optionally one unit's projects)")
    List<ProjectView> projects(@RequestParam(required = false) @Parameter(example = "2026-10") YearMonth period,
                               @RequestParam(required = false) String unit) {
        InvestmentFigures figures = figures(period);
        EnteredInvestment entered = feed.entered();
        return ProjectReadModel.facts(mongo, unit).stream()
                .map(f -> {
                    ProjectFigures p = figures.project(f, entered);
                    return new ProjectView(f.code(), f.unitCode(), p.counted(), p.monthCompleted(),
                            p.ytdCompleted(), p.planned(), RateView.of(p.completionRate()),
                            RateView.of(p.timeProgress()), p.lag().displayPoints(), p.ytdEntered(),
                            p.ytdEntryGap());
                })
                .sorted(java.util.Comparator.comparing(ProjectView::code)).toList();
    }

    @GetMapping("/api/v1/figures/export")
    @Operation(summary = "导出统计表 (.xlsx, the layout an office prints: summary, by unit/township/category/level, "
            + "project list)")
    org.springframework.http.ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Parameter(example = "2026-10") YearMonth period) throws java.io.IOException {
        InvestmentFigures figures = figures(period);
        byte[] xlsx = FiguresWorkbook.write(figures, ProjectReadModel.facts(mongo, null), feed.entered());
        String name = "重点项目投资统计表-" + figures.period() + ".xlsx";
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(xlsx);
    }

    private InvestmentFigures figures(YearMonth period) {
        LocalDate today = LocalDate.now(clock);
        return period == null ? InvestmentFigures.asOf(today) : new InvestmentFigures(period, today);
    }

    private static GroupView view(GroupFigures g) {
        return new GroupView(g.dimension().name(), g.key(), g.projectsCounted(), g.ytdCompleted(), g.planned(),
                RateView.of(g.completionRate()), RateView.of(g.timeProgress()), g.lag().displayPoints(),
                RateView.of(g.yoyGrowth()), RateView.of(g.startRate()), RateView.of(g.resumeRate()),
                RateView.of(g.startResumeRate()), RateView.of(g.completedProjectRate()),
                RateView.of(g.enteredRate()), g.ytdEntryGap());
    }
}
