package gov.keyproject.statistics.figures;

import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static gov.keyproject.contracts.project.ConstructionType.CONTINUED;
import static gov.keyproject.contracts.project.ConstructionType.NEW;
import static gov.keyproject.contracts.project.ProjectCategory.ECOLOGY;
import static gov.keyproject.contracts.project.ProjectCategory.INDUSTRIAL;
import static gov.keyproject.contracts.project.ProjectCategory.INFRASTRUCTURE;
import static gov.keyproject.contracts.project.ProjectCategory.LIVELIHOOD;
import static gov.keyproject.contracts.project.ProjectCategory.SOCIAL;
import static gov.keyproject.contracts.project.ProjectCategory.TOURISM;
import static gov.keyproject.contracts.project.ProjectCategory.URBAN_CONSTRUCTION;
import static gov.keyproject.contracts.project.ProjectLevel.COUNTY;
import static gov.keyproject.contracts.project.ProjectLevel.MUNICIPAL;
import static gov.keyproject.contracts.project.ProjectLevel.PROVINCIAL;
import static gov.keyproject.contracts.project.ProjectPhase.COMPLETED;
import static gov.keyproject.contracts.project.ProjectPhase.READY;
import static gov.keyproject.contracts.project.ProjectPhase.REVOKED;
import static gov.keyproject.contracts.project.ProjectPhase.UNDER_CONSTRUCTION;

/** Project facts for the tests, and the hand-computed portfolio used by the group tables. */
final class Fixtures {

    private Fixtures() {
    }

    static LocalDate date(String iso) {
        return iso == null || iso.isBlank() || iso.equals("-") ? null : LocalDate.parse(iso);
    }

    static YearMonth month(String iso) {
        return YearMonth.parse(iso);
    }

    static BigDecimal amount(String s) {
        return new BigDecimal(s);
    }

    static Builder project(String code) {
        return new Builder(code);
    }

    /** A fluent way to write facts; defaults: unit U1, 城关镇, industrial, county level, new, registered 2025-01-01. */
    static final class Builder {
        private final String code;
        private String unit = "U1";
        private String township = "城关镇";
        private ProjectCategory category = INDUSTRIAL;
        private ProjectLevel level = COUNTY;
        private ConstructionType type = NEW;
        private final Map<Integer, BigDecimal> plans = new TreeMap<>();
        private LocalDate registered = LocalDate.parse("2025-01-01");
        private LocalDate plannedStart;
        private LocalDate plannedCompletion;
        private ProjectPhase phase = ProjectPhase.PREPARATION;
        private LocalDate revokedOn;
        private LocalDate startDate;
        private LocalDate completionDate;
        private final Map<YearMonth, MonthlyReport> reports = new TreeMap<>();

        private Builder(String code) {
            this.code = code;
        }

        Builder in(String unit, String township) {
            this.unit = unit;
            this.township = township;
            return this;
        }

        Builder kind(ProjectCategory category, ProjectLevel level, ConstructionType type) {
            this.category = category;
            this.level = level;
            this.type = type;
            return this;
        }

        Builder type(ConstructionType type) {
            this.type = type;
            return this;
        }

        Builder plan(int year, String amount) {
            plans.put(year, new BigDecimal(amount));
            return this;
        }

        /** "2025=100;2026=0" or "" for no plan at all. */
        Builder plans(String spec) {
            if (spec != null) {
                for (String part : spec.split(";")) {
                    if (!part.isBlank()) {
                        String[] kv = part.split("=");
                        plan(Integer.parseInt(kv[0].strip()), kv[1].strip());
                    }
                }
            }
            return this;
        }

        Builder registered(String iso) {
            this.registered = date(iso);
            return this;
        }

        Builder plannedStart(String iso) {
            this.plannedStart = date(iso);
            return this;
        }

        Builder plannedCompletion(String iso) {
            this.plannedCompletion = date(iso);
            return this;
        }

        Builder phase(ProjectPhase phase) {
            this.phase = phase;
            return this;
        }

        Builder revoked(String iso) {
            this.phase = REVOKED;
            this.revokedOn = date(iso);
            return this;
        }

        Builder started(String iso) {
            this.startDate = date(iso);
            return this;
        }

        Builder completed(String iso) {
            this.completionDate = date(iso);
            return this;
        }

        Builder report(String period, String amount, boolean underWay) {
            reports.put(YearMonth.parse(period), MonthlyReport.of(amount, underWay));
            return this;
        }

        /** The same amount for each month from..to of one year. */
        Builder reports(int year, int fromMonth, int toMonth, String amount, boolean underWay) {
            for (int m = fromMonth; m <= toMonth; m++) {
                reports.put(YearMonth.of(year, m), MonthlyReport.of(amount, underWay));
            }
            return this;
        }

        ProjectFacts build() {
            return new ProjectFacts(code, unit, township, category, level, type, plans, registered, plannedStart,
                    plannedCompletion, phase, revokedOn, startDate, completionDate, reports);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The portfolio: twelve projects, four units, three townships, all categories and levels.
    // Figures are for p = 2026-06 (E = 2026-06-30, m = 6, t = 1/2) as of D = 2026-07-10.
    //
    // code unit town  category  level type  P2025 P2026 registered  plan start  started     plan compl. completed
    //  A   U1   城关镇 产业      省   新建   -     1000  2026-01-05  2026-03-01  2026-03-15  2027-06-30  -
    //  B   U1   城关镇 城建      县区 新建   -      400  2026-02-01  2026-06-30  -           2026-12-31  -
    //  C   U1   东湖   产业      市   续建  3000  2000  2025-01-10  2025-04-01  2025-04-01  2026-05-31  2026-06-20
    //  D   U2   东湖   基础设施  省   续建  5000  3000  2024-11-01  2025-03-01  2025-03-01  2026-06-30  -
    //  E   U2   城关镇 基础设施  县区 新建   -      600  2026-03-01  2026-05-01  2026-07-02  2027-12-31  -
    //  F   U2   城关镇 民生      市   新建   -      500  2026-01-20  2026-08-01  2026-04-10  2026-11-30  -
    //  G   U3   西山镇 文旅      县区 续建  1000   800  2025-02-01  2025-05-01  2025-05-01  2025-12-31  2025-12-20
    //  H   U3   西山镇 生态      县区 新建   -      700  2026-01-10  2026-02-01  -  REVOKED on 2026-07-05 (after E, before D)
    //  I   U4   西山镇 社会事业  省   新建   -      900  2026-07-01  2026-06-01  -           2026-12-31  -  (registered after E)
    //  J   U1   城关镇 产业      县区 续建   200   0    2024-05-01  2024-06-01  2024-06-01  2025-10-01  2025-10-01
    //  K   U3   西山镇 生态      县区 续建   500   500  2024-12-01  2025-01-01  2025-01-05  REVOKED on 2026-03-01
    //  L   U2   东湖   社会事业  市   新建   -      100  2026-01-02  2026-01-15  2026-01-20  2026-09-30  2026-05-28
    //
    // Counted in 2026 as of 2026-06: A B C D E F G L.   Counted in 2025 as of 2025-06: C D G J (K revoked as of D).
    //
    // Reports 2026 (万元, * = work under way), YTD = Jan..Jun:
    //  A 0,0,100*,150*,200*,50*  (Jul 80* after p)   C = 500   June 50
    //  B none                                         C = 0
    //  C 300,200,400,300,200,100 (none under way)    C = 1500  June 100   (resumed only through its completion)
    //  D 0,0,500*,400*,300*,0                         C = 1200  June 0
    //  E May 0, Jun 0                                 C = 0
    //  F Apr 100*, May 150*, Jun 50*                  C = 300   June 50
    //  G Mar 80 (Jul 0* after p)                      C = 80    (2025-11 50* is last year: not a resume)
    //  L 40*,30*,30*,0,0                              C = 100
    // Reports 2025 Jan..Jun (the 同比 base): C 6×200 = 1200 (Jul 300 later), D 6×300 = 1800, G 6×100 = 600
    //  (Nov 50 later), J 6×50 = 300, K 6×10 = 60 (revoked: out of the base).
    //
    // Feed (入库), YTD Jan..Jun 2026: A 100 (Mar) + 100 (Apr, replacing 80) + 0 (Jun) = 200 (2025-12 70 and
    //  2026-07 500 are outside); C 300+200+400+300+200+100 = 1500; D none; E 50 (Jun); F 100+150 = 250 (May sent
    //  twice); G 80; H 30 (not counted); L 40+30+30 = 100.
    // ---------------------------------------------------------------------------------------------------------------

    static final YearMonth P = YearMonth.parse("2026-06");
    static final LocalDate D = LocalDate.parse("2026-07-10");
    static final InvestmentFigures FIGURES = new InvestmentFigures(P, D);

    static List<ProjectFacts> portfolio() {
        return List.of(
                project("A").in("U1", "城关镇").kind(INDUSTRIAL, PROVINCIAL, NEW).plan(2026, "1000")
                        .registered("2026-01-05").plannedStart("2026-03-01").started("2026-03-15")
                        .plannedCompletion("2027-06-30").phase(UNDER_CONSTRUCTION)
                        .report("2026-01", "0", false).report("2026-02", "0", false)
                        .report("2026-03", "100", true).report("2026-04", "150", true)
                        .report("2026-05", "200", true).report("2026-06", "50", true)
                        .report("2026-07", "80", true).build(),
                project("B").in("U1", "城关镇").kind(URBAN_CONSTRUCTION, COUNTY, NEW).plan(2026, "400")
                        .registered("2026-02-01").plannedStart("2026-06-30").plannedCompletion("2026-12-31")
                        .phase(READY).build(),
                project("C").in("U1", "东湖街道").kind(INDUSTRIAL, MUNICIPAL, CONTINUED).plan(2025, "3000")
                        .plan(2026, "2000").registered("2025-01-10").plannedStart("2025-04-01").started("2025-04-01")
                        .plannedCompletion("2026-05-31").completed("2026-06-20").phase(COMPLETED)
                        .reports(2025, 1, 6, "200", true).report("2025-07", "300", true)
                        .report("2026-01", "300", false).report("2026-02", "200", false)
                        .report("2026-03", "400", false).report("2026-04", "300", false)
                        .report("2026-05", "200", false).report("2026-06", "100", false).build(),
                project("D").in("U2", "东湖街道").kind(INFRASTRUCTURE, PROVINCIAL, CONTINUED).plan(2025, "5000")
                        .plan(2026, "3000").registered("2024-11-01").plannedStart("2025-03-01").started("2025-03-01")
                        .plannedCompletion("2026-06-30").phase(UNDER_CONSTRUCTION)
                        .reports(2025, 1, 6, "300", true)
                        .report("2026-01", "0", false).report("2026-02", "0", false)
                        .report("2026-03", "500", true).report("2026-04", "400", true)
                        .report("2026-05", "300", true).report("2026-06", "0", false).build(),
                project("E").in("U2", "城关镇").kind(INFRASTRUCTURE, COUNTY, NEW).plan(2026, "600")
                        .registered("2026-03-01").plannedStart("2026-05-01").started("2026-07-02")
                        .plannedCompletion("2027-12-31").phase(UNDER_CONSTRUCTION)
                        .report("2026-05", "0", false).report("2026-06", "0", false).build(),
                project("F").in("U2", "城关镇").kind(LIVELIHOOD, MUNICIPAL, NEW).plan(2026, "500")
                        .registered("2026-01-20").plannedStart("2026-08-01").started("2026-04-10")
                        .plannedCompletion("2026-11-30").phase(UNDER_CONSTRUCTION)
                        .report("2026-04", "100", true).report("2026-05", "150", true)
                        .report("2026-06", "50", true).build(),
                project("G").in("U3", "西山镇").kind(TOURISM, COUNTY, CONTINUED).plan(2025, "1000").plan(2026, "800")
                        .registered("2025-02-01").plannedStart("2025-05-01").started("2025-05-01")
                        .plannedCompletion("2025-12-31").completed("2025-12-20").phase(COMPLETED)
                        .reports(2025, 1, 6, "100", true).report("2025-11", "50", true)
                        .report("2026-03", "80", false).report("2026-07", "0", true).build(),
                project("H").in("U3", "西山镇").kind(ECOLOGY, COUNTY, NEW).plan(2026, "700")
                        .registered("2026-01-10").plannedStart("2026-02-01").revoked("2026-07-05")
                        .report("2026-02", "0", false).build(),
                project("I").in("U4", "西山镇").kind(SOCIAL, PROVINCIAL, NEW).plan(2026, "900")
                        .registered("2026-07-01").plannedStart("2026-06-01").plannedCompletion("2026-12-31")
                        .phase(READY).build(),
                project("J").in("U1", "城关镇").kind(INDUSTRIAL, COUNTY, CONTINUED).plan(2025, "200").plan(2026, "0")
                        .registered("2024-05-01").plannedStart("2024-06-01").started("2024-06-01")
                        .plannedCompletion("2025-10-01").completed("2025-10-01").phase(COMPLETED)
                        .reports(2025, 1, 6, "50", true).build(),
                project("K").in("U3", "西山镇").kind(ECOLOGY, COUNTY, CONTINUED).plan(2025, "500").plan(2026, "500")
                        .registered("2024-12-01").plannedStart("2025-01-01").started("2025-01-05")
                        .revoked("2026-03-01").reports(2025, 1, 6, "10", true).report("2026-01", "0", false).build(),
                project("L").in("U2", "东湖街道").kind(SOCIAL, MUNICIPAL, NEW).plan(2026, "100")
                        .registered("2026-01-02").plannedStart("2026-01-15").started("2026-01-20")
                        .plannedCompletion("2026-09-30").completed("2026-05-28").phase(COMPLETED)
                        .report("2026-01", "40", true).report("2026-02", "30", true).report("2026-03", "30", true)
                        .report("2026-04", "0", false).report("2026-05", "0", false).build());
    }

    static EnteredInvestment portfolioFeed() {
        return EnteredInvestment.of(List.of(
                FeedEntry.of("A", "2025-12", "70"),
                FeedEntry.of("A", "2026-03", "100"),
                FeedEntry.of("A", "2026-04", "80"),
                FeedEntry.of("A", "2026-04", "100"), // a later row for the same key replaces the earlier
                FeedEntry.of("A", "2026-06", "0"),
                FeedEntry.of("A", "2026-07", "500"),
                FeedEntry.of("C", "2026-01", "300"),
                FeedEntry.of("C", "2026-02", "200"),
                FeedEntry.of("C", "2026-03", "400"),
                FeedEntry.of("C", "2026-04", "300"),
                FeedEntry.of("C", "2026-05", "200"),
                FeedEntry.of("C", "2026-06", "100"),
                FeedEntry.of("E", "2026-06", "50"),
                FeedEntry.of("F", "2026-04", "100"),
                FeedEntry.of("F", "2026-05", "150"),
                FeedEntry.of("F", "2026-05", "150"), // the same row twice changes nothing
                FeedEntry.of("G", "2026-03", "80"),
                FeedEntry.of("H", "2026-02", "30"),
                FeedEntry.of("L", "2026-01", "40"),
                FeedEntry.of("L", "2026-02", "30"),
                FeedEntry.of("L", "2026-03", "30")));
    }

    static ProjectFacts portfolioProject(String code) {
        return portfolio().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }
}
