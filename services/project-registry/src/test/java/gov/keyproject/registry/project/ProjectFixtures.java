package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;
import gov.keyproject.contracts.project.ProjectPhase;
import org.junit.jupiter.params.provider.Arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static gov.keyproject.contracts.project.ProjectPhase.COMPLETED;
import static gov.keyproject.contracts.project.ProjectPhase.IN_PRODUCTION;
import static gov.keyproject.contracts.project.ProjectPhase.PREPARATION;
import static gov.keyproject.contracts.project.ProjectPhase.READY;
import static gov.keyproject.contracts.project.ProjectPhase.RESERVE;
import static gov.keyproject.contracts.project.ProjectPhase.REVOKED;
import static gov.keyproject.contracts.project.ProjectPhase.SUSPENDED;
import static gov.keyproject.contracts.project.ProjectPhase.UNDER_CONSTRUCTION;

/** Shared data of the registry's domain unit tests: a fixed today, a valid project, the phase table of DOMAIN §2. */
final class ProjectFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 3);
    static final String CODE = "2026-370103-48-01-000123";
    static final String UNIT = "U-CG";
    /** Actual start of projects registered in a started phase. */
    static final LocalDate STARTED_ON = LocalDate.of(2026, 3, 10);

    private ProjectFixtures() {
    }

    /** A mutable copy of the 台账 columns, so a table row can break exactly one of them. */
    static final class Data {
        String name = "城东新能源电池产业园一期";
        ProjectCategory category = ProjectCategory.INDUSTRIAL;
        ProjectLevel level = ProjectLevel.MUNICIPAL;
        ConstructionType constructionType = ConstructionType.NEW;
        BigDecimal totalInvestment = new BigDecimal("52000");
        Map<String, BigDecimal> plannedInvestment = new LinkedHashMap<>(Map.of(
                "2026", new BigDecimal("18000"), "2027", new BigDecimal("34000")));
        LocalDate plannedStart = LocalDate.of(2026, 3, 1);
        LocalDate plannedCompletion = LocalDate.of(2027, 12, 31);
        String township = "城关镇";
        BigDecimal latitude = new BigDecimal("36.651");
        BigDecimal longitude = new BigDecimal("117.120");
        String unitCode = UNIT;
        String linkedLeader = "李副县长";
        String owner = "某某新能源有限公司";

        ProjectData build() {
            return new ProjectData(name, category, level, constructionType, totalInvestment, plannedInvestment,
                    plannedStart, plannedCompletion, township, latitude, longitude, unitCode, linkedLeader, owner);
        }
    }

    static ProjectData data() {
        return new Data().build();
    }

    static ProjectData data(Consumer<Data> change) {
        Data d = new Data();
        change.accept(d);
        return d.build();
    }

    static boolean started(ProjectPhase phase) {
        return phase == UNDER_CONSTRUCTION || phase == COMPLETED || phase == IN_PRODUCTION;
    }

    /** A project registered directly in one of the initial phases (started ones with {@link #STARTED_ON}). */
    static Project registered(ProjectPhase phase) {
        return Project.register(CODE, data(), phase, started(phase) ? STARTED_ON : null, null, TODAY).after();
    }

    /**
     * A project in any phase. SUSPENDED and REVOKED cannot be registered, so their state is built from a registered
     * project (without going through moveTo, which is under test).
     */
    static Project inPhase(ProjectPhase phase, ProjectPhase suspendedFrom) {
        return switch (phase) {
            case SUSPENDED -> withPhase(registered(suspendedFrom), SUSPENDED, suspendedFrom);
            case REVOKED -> withPhase(registered(PREPARATION), REVOKED, null);
            default -> registered(phase);
        };
    }

    static Project withPhase(Project p, ProjectPhase phase, ProjectPhase suspendedFrom) {
        ProjectState s = p.state();
        return new Project(new ProjectState(s.code(), s.data(), s.dealId(), phase, suspendedFrom, s.registeredOn(),
                s.startDate(), s.completionDate(), s.milestones(), s.approvals(), s.reports(), s.problems()));
    }

    // ---- DOMAIN §2 phase table, written out by hand (deliberately not derived from Phases) ----

    /** A phase as seen by the rules: SUSPENDED also carries the phase it interrupted. */
    record State(ProjectPhase phase, ProjectPhase suspendedFrom) {
        @Override
        public String toString() {
            return suspendedFrom == null ? phase.name() : phase + "(from " + suspendedFrom + ")";
        }
    }

    static final Map<State, Set<ProjectPhase>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put(new State(RESERVE, null), EnumSet.of(PREPARATION, REVOKED));
        ALLOWED.put(new State(PREPARATION, null), EnumSet.of(READY, SUSPENDED, REVOKED));
        ALLOWED.put(new State(READY, null), EnumSet.of(UNDER_CONSTRUCTION, SUSPENDED, REVOKED));
        ALLOWED.put(new State(UNDER_CONSTRUCTION, null), EnumSet.of(COMPLETED, SUSPENDED, REVOKED));
        ALLOWED.put(new State(COMPLETED, null), EnumSet.of(IN_PRODUCTION));
        ALLOWED.put(new State(IN_PRODUCTION, null), EnumSet.noneOf(ProjectPhase.class));
        ALLOWED.put(new State(SUSPENDED, PREPARATION), EnumSet.of(PREPARATION, REVOKED));
        ALLOWED.put(new State(SUSPENDED, READY), EnumSet.of(READY, REVOKED));
        ALLOWED.put(new State(SUSPENDED, UNDER_CONSTRUCTION), EnumSet.of(UNDER_CONSTRUCTION, REVOKED));
        ALLOWED.put(new State(REVOKED, null), EnumSet.noneOf(ProjectPhase.class));
    }

    /** Every (state, target) pair: 10 states × 8 targets = 80 rows of (state, target, allowed). */
    static Stream<Arguments> allPhaseMoves() {
        List<Arguments> rows = new ArrayList<>();
        ALLOWED.forEach((state, allowed) -> {
            for (ProjectPhase to : ProjectPhase.values()) {
                rows.add(Arguments.of(state, to, allowed.contains(to)));
            }
        });
        return rows.stream();
    }

    static Stream<Arguments> allowedPhaseMoves() {
        return allPhaseMoves().filter(a -> (boolean) a.get()[2]);
    }

    static Stream<Arguments> refusedPhaseMoves() {
        return allPhaseMoves().filter(a -> !(boolean) a.get()[2]);
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }
}
