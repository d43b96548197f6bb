package gov.keyproject.registry.project;

import gov.keyproject.contracts.DomainEvent;
import gov.keyproject.contracts.project.ApprovalKind;
import gov.keyproject.contracts.project.ApprovalStatus;
import gov.keyproject.contracts.project.MilestoneKind;
import gov.keyproject.contracts.project.ProblemAssigned;
import gov.keyproject.contracts.project.ProblemRaised;
import gov.keyproject.contracts.project.ProblemResolved;
import gov.keyproject.contracts.project.ProblemType;
import gov.keyproject.contracts.project.ProgressReported;
import gov.keyproject.contracts.project.ProjectChanged;
import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.contracts.project.ProjectPhaseChanged;
import gov.keyproject.contracts.project.ProjectRegistered;
import gov.keyproject.contracts.project.ProjectSnapshot;
import gov.keyproject.contracts.project.ProjectSnapshot.ApprovalState;
import gov.keyproject.contracts.project.ProjectSnapshot.MilestoneState;
import gov.keyproject.registry.project.Project.Change;
import gov.keyproject.registry.project.Project.Filing;
import gov.keyproject.registry.project.Project.ProblemInput;
import gov.keyproject.registry.project.Project.ReportInput;
import gov.keyproject.registry.project.ProjectFixtures.State;
import gov.keyproject.registry.project.ProjectState.Milestone;
import gov.keyproject.registry.project.ProjectState.Problem;
import gov.keyproject.registry.project.ProjectState.ProgressReport;
import gov.keyproject.registry.project.ReportingWindow.ReportingClosed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static gov.keyproject.contracts.project.ProjectPhase.COMPLETED;
import static gov.keyproject.contracts.project.ProjectPhase.IN_PRODUCTION;
import static gov.keyproject.contracts.project.ProjectPhase.PREPARATION;
import static gov.keyproject.contracts.project.ProjectPhase.READY;
import static gov.keyproject.contracts.project.ProjectPhase.RESERVE;
import static gov.keyproject.contracts.project.ProjectPhase.REVOKED;
import static gov.keyproject.contracts.project.ProjectPhase.SUSPENDED;
import static gov.keyproject.contracts.project.ProjectPhase.UNDER_CONSTRUCTION;
import static gov.keyproject.registry.project.ProjectFixtures.ALLOWED;
import static gov.keyproject.registry.project.ProjectFixtures.CODE;
import static gov.keyproject.registry.project.ProjectFixtures.STARTED_ON;
import static gov.keyproject.registry.project.ProjectFixtures.TODAY;
import static gov.keyproject.registry.project.ProjectFixtures.UNIT;
import static gov.keyproject.registry.project.ProjectFixtures.data;
import static gov.keyproject.registry.project.ProjectFixtures.inPhase;
import static gov.keyproject.registry.project.ProjectFixtures.registered;
import static gov.keyproject.registry.project.ProjectFixtures.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project aggregate (DOMAIN §2): every command, its events, and every rule it enforces. */
class ProjectTest {

    private static final YearMonth OCT = YearMonth.of(2026, 10); // deadline 2026-11-05; TODAY is 2026-11-03
    private static final Filing UNIT_SYSTEM = new Filing("unit-system:U-CG", false, TODAY);
    private static final Filing OPERATOR = new Filing("operator:zhang", true, TODAY);
    private static final ReportingWindow WINDOW = ReportingWindow.DEFAULT;

    private static void violates(Runnable command, String field) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(ProjectRuleViolation.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static <T extends DomainEvent> T only(Change change, Class<T> type) {
        assertThat(change.events()).hasSize(1);
        assertThat(change.events().get(0)).isInstanceOf(type);
        return type.cast(change.events().get(0));
    }

    // ======================================================================================================
    // register
    // ======================================================================================================

    @ParameterizedTest
    @ValueSource(strings = {"2026-370103-48-01-000123", "ABCD", "XM-2026-001", "0000",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCD"}) // the last is exactly 40
    void codes_of_the_pattern_are_accepted(String code) {
        assertThat(Project.register(code, data(), null, null, null, TODAY).after().code()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ABC", "abcd-2026", "Xm-2026-001", "-ABC", "AB_C", "AB C", "项目2026",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDE", // 41
            " 2026-370103-48-01-000123"})
    void other_codes_are_refused(String code) {
        violates(() -> Project.register(code, data(), null, null, null, TODAY), "code");
    }

    @Test
    void invalid_data_is_refused_with_its_field() {
        violates(() -> Project.register(CODE, data(d -> d.name = " "), null, null, null, TODAY), "name");
        violates(() -> Project.register(CODE, data(d -> d.totalInvestment = new BigDecimal("1.001")), null, null,
                null, TODAY), "totalInvestment");
    }

    @Test
    void without_a_phase_a_project_is_registered_in_reserve() {
        assertThat(Project.register(CODE, data(), null, null, null, TODAY).after().phase()).isEqualTo(RESERVE);
    }

    @ParameterizedTest
    @EnumSource(value = ProjectPhase.class, names = {"RESERVE", "PREPARATION", "READY", "UNDER_CONSTRUCTION",
            "COMPLETED", "IN_PRODUCTION"})
    void a_project_may_enter_the_ledger_mid_way(ProjectPhase phase) {
        LocalDate start = ProjectFixtures.started(phase) ? STARTED_ON : null;
        Change c = Project.register(CODE, data(), phase, start, null, TODAY);
        assertThat(c.after().phase()).isEqualTo(phase);
        assertThat(only(c, ProjectRegistered.class).project().phase()).isEqualTo(phase);
        assertThat(c.after().state().startDate()).isEqualTo(start);
    }

    @ParameterizedTest
    @EnumSource(value = ProjectPhase.class, names = {"SUSPENDED", "REVOKED"})
    void a_project_cannot_be_registered_suspended_or_revoked(ProjectPhase phase) {
        violates(() -> Project.register(CODE, data(), phase, null, null, TODAY), "phase");
        violates(() -> Project.register(CODE, data(), phase, STARTED_ON, null, TODAY), "phase");
    }

    static Stream<Arguments> startDateRules() {
        return Stream.of(
                Arguments.of(UNDER_CONSTRUCTION, null),
                Arguments.of(COMPLETED, null),
                Arguments.of(IN_PRODUCTION, null),
                Arguments.of(RESERVE, STARTED_ON),
                Arguments.of(PREPARATION, STARTED_ON),
                Arguments.of(READY, STARTED_ON),
                Arguments.of(UNDER_CONSTRUCTION, TODAY.plusDays(1)),
                Arguments.of(COMPLETED, TODAY.plusYears(1)));
    }

    @ParameterizedTest(name = "{0} with start date {1}")
    @MethodSource("startDateRules")
    void start_date_only_for_started_projects_and_never_in_the_future(ProjectPhase phase, LocalDate start) {
        violates(() -> Project.register(CODE, data(), phase, start, null, TODAY), "startDate");
    }

    @Test
    void a_project_may_have_started_today() {
        Change c = Project.register(CODE, data(), UNDER_CONSTRUCTION, TODAY, null, TODAY);
        assertThat(c.after().state().startDate()).isEqualTo(TODAY);
    }

    @Test
    void registration_publishes_one_snapshot_with_normalized_data() {
        Change c = Project.register(CODE, data(d -> d.name = " 城东新能源电池产业园一期 "), READY, null, "DEAL-7", TODAY);

        ProjectSnapshot s = only(c, ProjectRegistered.class).project();
        assertThat(s.projectCode()).isEqualTo(CODE);
        assertThat(s.name()).isEqualTo("城东新能源电池产业园一期");
        assertThat(s.unitCode()).isEqualTo(UNIT);
        assertThat(s.dealId()).isEqualTo("DEAL-7");
        assertThat(s.phase()).isEqualTo(READY);
        assertThat(s.registeredOn()).isEqualTo(TODAY);
        assertThat(s.startDate()).isNull();
        assertThat(s.completionDate()).isNull();
        assertThat(s.totalInvestment()).isEqualTo(new BigDecimal("52000.00"));
        assertThat(s.plannedInvestment()).containsExactly(Map.entry(2026, new BigDecimal("18000.00")),
                Map.entry(2027, new BigDecimal("34000.00")));
        assertThat(s.milestones()).containsExactly(
                new MilestoneState(MilestoneKind.START, LocalDate.of(2026, 3, 1), null));
        assertThat(s.approvals()).extracting(ApprovalState::kind).containsExactly(ApprovalKind.values());
        assertThat(s.approvals()).extracting(ApprovalState::status).containsOnly(ApprovalStatus.NOT_STARTED);
        assertThat(c.action()).isEqualTo("登记项目");
        assertThat(c.after().state().reports()).isEmpty();
        assertThat(c.after().state().problems()).isEmpty();
        assertThat(c.after().state().suspendedFrom()).isNull();
    }

    @Test
    void a_started_project_is_registered_with_the_actual_start_milestone() {
        Project p = registered(UNDER_CONSTRUCTION);
        assertThat(p.state().startDate()).isEqualTo(STARTED_ON);
        assertThat(p.state().milestones()).containsExactly(
                new Milestone(MilestoneKind.START, LocalDate.of(2026, 3, 1), STARTED_ON));
    }

    @Test
    void without_planned_or_actual_start_there_is_no_start_milestone() {
        Project p = Project.register(CODE, data(d -> d.plannedStart = null), PREPARATION, null, null, TODAY).after();
        assertThat(p.state().milestones()).isEmpty();
    }

    // ======================================================================================================
    // update
    // ======================================================================================================

    @Test
    void updating_with_the_same_data_changes_nothing() {
        Project p = registered(READY);
        Change c = p.update(data(d -> {
            d.name = "  城东新能源电池产业园一期  ";
            d.totalInvestment = new BigDecimal("52000.00");
        }));
        assertThat(c.isEmpty()).isTrue();
        assertThat(c.diff()).isEmpty();
        assertThat(c.after()).isSameAs(p);
    }

    @Test
    void updating_publishes_what_changed() {
        Project p = registered(READY);
        Change c = p.update(data(d -> {
            d.name = "城东新能源电池产业园一期（扩建）";
            d.totalInvestment = new BigDecimal("60000");
        }));
        ProjectChanged e = only(c, ProjectChanged.class);
        assertThat(e.changes()).containsExactly("name", "totalInvestment");
        assertThat(e.project().name()).isEqualTo("城东新能源电池产业园一期（扩建）");
        assertThat(e.project().totalInvestment()).isEqualByComparingTo("60000");
        assertThat(c.diff().get("totalInvestment")).containsExactly(new BigDecimal("52000.00"),
                new BigDecimal("60000.00"));
        assertThat(c.after().phase()).isEqualTo(READY);
    }

    @Test
    void updating_re_checks_every_rule() {
        Project p = registered(READY);
        violates(() -> p.update(data(d -> d.unitCode = null)), "unitCode");
        violates(() -> p.update(data(d -> d.plannedInvestment = Map.of("2026", new BigDecimal("60000")))),
                "plannedInvestment");
        violates(() -> p.update(data(d -> d.plannedCompletion = LocalDate.of(2025, 1, 1))), "plannedCompletion");
    }

    @Test
    void changing_the_planned_start_moves_the_start_milestone_and_keeps_its_actual_date() {
        Project p = registered(UNDER_CONSTRUCTION);
        Change c = p.update(data(d -> d.plannedStart = LocalDate.of(2026, 2, 1)));
        assertThat(c.after().state().milestones()).containsExactly(
                new Milestone(MilestoneKind.START, LocalDate.of(2026, 2, 1), STARTED_ON));
        assertThat(only(c, ProjectChanged.class).changes()).containsExactly("plannedStart");
    }

    // ======================================================================================================
    // moveTo: every (from, to) pair, against the table in ProjectFixtures
    // ======================================================================================================

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("gov.keyproject.registry.project.ProjectFixtures#allowedPhaseMoves")
    void allowed_moves_succeed_with_one_phase_changed_event(State from, ProjectPhase to, boolean allowed) {
        Project p = inPhase(from.phase(), from.suspendedFrom());
        LocalDate on = TODAY.minusDays(1);

        Change c = p.moveTo(to, on, TODAY);

        ProjectPhaseChanged e = only(c, ProjectPhaseChanged.class);
        assertThat(e.from()).isEqualTo(from.phase());
        assertThat(e.to()).isEqualTo(to);
        assertThat(e.on()).isEqualTo(on);
        assertThat(e.project().projectCode()).isEqualTo(CODE);
        assertThat(e.project().phase()).isEqualTo(to);
        assertThat(c.after().phase()).isEqualTo(to);
        assertThat(c.after().state().suspendedFrom()).isEqualTo(to == SUSPENDED ? from.phase() : null);
        assertThat(c.diff().get("phase")).containsExactly(from.phase(), to);
        assertThat(p.phase()).isEqualTo(from.phase()); // the original is untouched
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("gov.keyproject.registry.project.ProjectFixtures#refusedPhaseMoves")
    void refused_moves_name_the_current_and_the_allowed_phases(State from, ProjectPhase to, boolean allowed) {
        Project p = inPhase(from.phase(), from.suspendedFrom());

        assertThatThrownBy(() -> p.moveTo(to, TODAY.minusDays(1), TODAY))
                .isInstanceOfSatisfying(IllegalPhaseMove.class, e -> {
                    assertThat(e.current()).isEqualTo(from.phase());
                    assertThat(e.requested()).isEqualTo(to);
                    assertThat(e.allowed()).containsExactlyInAnyOrderElementsOf(ALLOWED.get(from));
                    assertThat(e.getMessage()).contains(Phases.label(from.phase()), Phases.label(to));
                });
    }

    @Test
    void a_terminal_phase_says_so() {
        assertThatThrownBy(() -> inPhase(REVOKED, null).moveTo(PREPARATION, TODAY, TODAY))
                .isInstanceOf(IllegalPhaseMove.class).hasMessageContaining("终态");
    }

    @Test
    void moving_to_under_construction_records_the_start_date_and_the_start_milestone() {
        LocalDate on = LocalDate.of(2026, 4, 15);
        Change c = registered(READY).moveTo(UNDER_CONSTRUCTION, on, TODAY);

        assertThat(c.after().state().startDate()).isEqualTo(on);
        assertThat(c.after().state().milestones()).containsExactly(
                new Milestone(MilestoneKind.START, LocalDate.of(2026, 3, 1), on));
        ProjectPhaseChanged e = only(c, ProjectPhaseChanged.class);
        assertThat(e.on()).isEqualTo(on);
        assertThat(e.project().startDate()).isEqualTo(on);
        assertThat(e.project().milestones()).contains(
                new MilestoneState(MilestoneKind.START, LocalDate.of(2026, 3, 1), on));
    }

    @Test
    void starting_without_a_planned_start_still_records_the_start_milestone() {
        Project p = Project.register(CODE, data(d -> d.plannedStart = null), READY, null, null, TODAY).after();
        Change c = p.moveTo(UNDER_CONSTRUCTION, TODAY, TODAY);
        assertThat(c.after().state().milestones()).containsExactly(
                new Milestone(MilestoneKind.START, null, TODAY));
    }

    @Test
    void without_a_date_the_move_happens_today() {
        Change c = registered(RESERVE).moveTo(PREPARATION, null, TODAY);
        assertThat(only(c, ProjectPhaseChanged.class).on()).isEqualTo(TODAY);
    }

    @Test
    void a_move_dated_after_today_is_refused() {
        violates(() -> registered(RESERVE).moveTo(PREPARATION, TODAY.plusDays(1), TODAY), "on");
        violates(() -> registered(READY).moveTo(UNDER_CONSTRUCTION, TODAY.plusDays(1), TODAY), "on");
    }

    @Test
    void a_move_needs_a_target() {
        violates(() -> registered(RESERVE).moveTo(null, TODAY, TODAY), "phase");
    }

    @Test
    void completing_records_the_completion_date() {
        LocalDate on = LocalDate.of(2026, 10, 31);
        Change c = registered(UNDER_CONSTRUCTION).moveTo(COMPLETED, on, TODAY);
        assertThat(c.after().state().completionDate()).isEqualTo(on);
        assertThat(c.after().state().startDate()).isEqualTo(STARTED_ON);
        ProjectPhaseChanged e = only(c, ProjectPhaseChanged.class);
        assertThat(e.on()).isEqualTo(on);
        assertThat(e.project().completionDate()).isEqualTo(on);

        Change producing = c.after().moveTo(IN_PRODUCTION, TODAY, TODAY);
        assertThat(producing.after().state().completionDate()).isEqualTo(on);
    }

    @Test
    void completing_before_the_start_is_refused_and_on_the_start_day_allowed() {
        Project p = registered(UNDER_CONSTRUCTION);
        violates(() -> p.moveTo(COMPLETED, STARTED_ON.minusDays(1), TODAY), "on");
        assertThat(p.moveTo(COMPLETED, STARTED_ON, TODAY).after().state().completionDate()).isEqualTo(STARTED_ON);
    }

    @Test
    void completing_before_a_start_recorded_by_a_move_is_refused() {
        Project started = registered(READY).moveTo(UNDER_CONSTRUCTION, LocalDate.of(2026, 6, 1), TODAY).after();
        violates(() -> started.moveTo(COMPLETED, LocalDate.of(2026, 5, 31), TODAY), "on");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectPhase.class, names = {"PREPARATION", "READY", "UNDER_CONSTRUCTION"})
    void suspension_remembers_the_phase_and_returns_only_to_it(ProjectPhase interrupted) {
        Project suspended = registered(interrupted).moveTo(SUSPENDED, LocalDate.of(2026, 9, 1), TODAY).after();
        assertThat(suspended.state().suspendedFrom()).isEqualTo(interrupted);

        for (ProjectPhase other : ProjectPhase.values()) {
            if (other != interrupted && other != REVOKED) {
                assertThatThrownBy(() -> suspended.moveTo(other, TODAY, TODAY))
                        .isInstanceOfSatisfying(IllegalPhaseMove.class,
                                e -> assertThat(e.allowed()).containsExactlyInAnyOrder(interrupted, REVOKED));
            }
        }
        Change back = suspended.moveTo(interrupted, TODAY, TODAY);
        assertThat(back.after().phase()).isEqualTo(interrupted);
        assertThat(back.after().state().suspendedFrom()).isNull();
        ProjectPhaseChanged e = only(back, ProjectPhaseChanged.class);
        assertThat(e.from()).isEqualTo(SUSPENDED);
        assertThat(e.to()).isEqualTo(interrupted);

        Change revoked = suspended.moveTo(REVOKED, TODAY, TODAY);
        assertThat(revoked.after().phase()).isEqualTo(REVOKED);
        assertThat(revoked.after().state().suspendedFrom()).isNull();
    }

    @Test
    void resuming_construction_keeps_the_original_start_date() {
        Project p = registered(UNDER_CONSTRUCTION)
                .moveTo(SUSPENDED, LocalDate.of(2026, 6, 1), TODAY).after()
                .moveTo(UNDER_CONSTRUCTION, LocalDate.of(2026, 9, 1), TODAY).after();
        assertThat(p.state().startDate()).isEqualTo(STARTED_ON);
        assertThat(p.state().milestones()).containsExactly(
                new Milestone(MilestoneKind.START, LocalDate.of(2026, 3, 1), STARTED_ON));
    }

    @Test
    void a_project_suspended_before_starting_records_its_start_when_it_finally_starts() {
        Project p = registered(READY)
                .moveTo(SUSPENDED, LocalDate.of(2026, 5, 1), TODAY).after()
                .moveTo(READY, LocalDate.of(2026, 8, 1), TODAY).after()
                .moveTo(UNDER_CONSTRUCTION, LocalDate.of(2026, 9, 1), TODAY).after();
        assertThat(p.state().startDate()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void the_whole_way_from_reserve_to_production() {
        Project p = registered(RESERVE);
        List<ProjectPhase> way = List.of(PREPARATION, READY, UNDER_CONSTRUCTION, COMPLETED, IN_PRODUCTION);
        LocalDate on = LocalDate.of(2026, 1, 10);
        for (ProjectPhase to : way) {
            ProjectPhase from = p.phase();
            Change c = p.moveTo(to, on, TODAY);
            ProjectPhaseChanged e = only(c, ProjectPhaseChanged.class);
            assertThat(e.from()).isEqualTo(from);
            assertThat(e.to()).isEqualTo(to);
            p = c.after();
            on = on.plusMonths(1);
        }
        assertThat(p.state().startDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(p.state().completionDate()).isEqualTo(LocalDate.of(2026, 4, 10));
    }

    // ======================================================================================================
    // setMilestone / setApproval
    // ======================================================================================================

    static Stream<Arguments> milestoneViolations() {
        Function<Project, Runnable> noKind = p -> () -> p.setMilestone(null, null, null, TODAY);
        Function<Project, Runnable> startActualOnReady =
                p -> () -> p.setMilestone(MilestoneKind.START, LocalDate.of(2026, 3, 1), TODAY, TODAY);
        Function<Project, Runnable> startActualChanged =
                p -> () -> p.setMilestone(MilestoneKind.START, LocalDate.of(2026, 3, 1), STARTED_ON.plusDays(1),
                        TODAY);
        Function<Project, Runnable> startActualCleared =
                p -> () -> p.setMilestone(MilestoneKind.START, LocalDate.of(2026, 3, 1), null, TODAY);
        Function<Project, Runnable> actualTomorrow =
                p -> () -> p.setMilestone(MilestoneKind.PROJECT_APPROVAL, null, TODAY.plusDays(1), TODAY);
        Function<Project, Runnable> planned1999 =
                p -> () -> p.setMilestone(MilestoneKind.COMPLETION_ACCEPTANCE, LocalDate.of(1999, 12, 31), null,
                        TODAY);
        Function<Project, Runnable> planned2101 =
                p -> () -> p.setMilestone(MilestoneKind.PRODUCTION, LocalDate.of(2101, 1, 1), null, TODAY);
        return Stream.of(
                Arguments.of("kind missing", READY, noKind, "kind"),
                Arguments.of("start's actual date set by hand", READY, startActualOnReady, "actualDate"),
                Arguments.of("start's actual date changed by hand", UNDER_CONSTRUCTION, startActualChanged,
                        "actualDate"),
                Arguments.of("start's actual date cleared by hand", UNDER_CONSTRUCTION, startActualCleared,
                        "actualDate"),
                Arguments.of("actual date after today", READY, actualTomorrow, "actualDate"),
                Arguments.of("planned date before 2000", READY, planned1999, "plannedDate"),
                Arguments.of("planned date after 2100", READY, planned2101, "plannedDate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("milestoneViolations")
    void milestone_rules(String rule, ProjectPhase phase, Function<Project, Runnable> command, String field) {
        violates(command.apply(registered(phase)), field);
    }

    @Test
    void setting_a_milestone_publishes_it_and_a_repeat_changes_nothing() {
        Project p = registered(READY);
        Change c = p.setMilestone(MilestoneKind.PROJECT_APPROVAL, LocalDate.of(2026, 1, 10), TODAY, TODAY);

        ProjectChanged e = only(c, ProjectChanged.class);
        assertThat(e.changes()).containsExactly("milestones.PROJECT_APPROVAL");
        assertThat(e.project().milestones()).containsExactly( // sorted by kind
                new MilestoneState(MilestoneKind.PROJECT_APPROVAL, LocalDate.of(2026, 1, 10), TODAY),
                new MilestoneState(MilestoneKind.START, LocalDate.of(2026, 3, 1), null));

        Change repeat = c.after().setMilestone(MilestoneKind.PROJECT_APPROVAL, LocalDate.of(2026, 1, 10), TODAY,
                TODAY);
        assertThat(repeat.isEmpty()).isTrue();
        assertThat(repeat.after()).isSameAs(c.after());
    }

    @Test
    void the_start_milestones_planned_date_is_the_projects_planned_start() {
        Project p = registered(READY);
        Change c = p.setMilestone(MilestoneKind.START, LocalDate.of(2026, 4, 1), null, TODAY);
        assertThat(c.after().state().data().plannedStart()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(only(c, ProjectChanged.class).project().plannedStart()).isEqualTo(LocalDate.of(2026, 4, 1));

        Project started = registered(UNDER_CONSTRUCTION);
        Change s = started.setMilestone(MilestoneKind.START, LocalDate.of(2026, 2, 20), STARTED_ON, TODAY);
        assertThat(s.after().state().data().plannedStart()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(s.after().state().startDate()).isEqualTo(STARTED_ON);
    }

    /**
     * The rule "planned completion not before planned start" (ProjectData.validated) must also hold when the planned
     * start is changed through the START milestone.
     */
    @Test
    void the_start_milestone_cannot_move_the_planned_start_after_the_planned_completion() {
        Project p = registered(READY); // planned completion 2027-12-31
        assertThatThrownBy(() -> p.setMilestone(MilestoneKind.START, LocalDate.of(2028, 6, 1), null, TODAY))
                .isInstanceOfSatisfying(ProjectRuleViolation.class,
                        e -> assertThat(e.field()).isIn("plannedDate", "plannedCompletion"));
    }

    @Test
    void approval_rules() {
        Project p = registered(PREPARATION);
        violates(() -> p.setApproval(null, ApprovalStatus.DONE), "kind");
        violates(() -> p.setApproval(null, null), "kind");
        violates(() -> p.setApproval(ApprovalKind.ENVIRONMENT, null), "status");
    }

    @Test
    void setting_an_approval_publishes_it_and_the_same_status_changes_nothing() {
        Project p = registered(PREPARATION);
        assertThat(p.setApproval(ApprovalKind.ENVIRONMENT, ApprovalStatus.NOT_STARTED).isEmpty()).isTrue();

        Change c = p.setApproval(ApprovalKind.ENVIRONMENT, ApprovalStatus.IN_PROGRESS);
        ProjectChanged e = only(c, ProjectChanged.class);
        assertThat(e.changes()).containsExactly("approvals.ENVIRONMENT");
        assertThat(e.project().approvals()).contains(
                new ApprovalState(ApprovalKind.ENVIRONMENT, ApprovalStatus.IN_PROGRESS),
                new ApprovalState(ApprovalKind.PLANNING, ApprovalStatus.NOT_STARTED));
        assertThat(c.diff().get("approvals.ENVIRONMENT"))
                .containsExactly(ApprovalStatus.NOT_STARTED, ApprovalStatus.IN_PROGRESS);

        Change done = c.after().setApproval(ApprovalKind.ENVIRONMENT, ApprovalStatus.DONE);
        assertThat(done.after().state().approvals()).contains(
                new ProjectState.Approval(ApprovalKind.ENVIRONMENT, ApprovalStatus.DONE));
    }

    // ======================================================================================================
    // fileReport
    // ======================================================================================================

    /** A mutable report input, so a table row can break exactly one part of it. */
    static final class In {
        YearMonth period = OCT;
        BigDecimal amount = new BigDecimal("1200");
        Boolean workUnderWay = true;
        String imageProgress = "主体结构施工至第 6 层";
        Integer percent = 45;
        List<ProblemInput> problems = List.of();

        ReportInput build() {
            return new ReportInput(period, amount, workUnderWay, imageProgress, percent, problems);
        }
    }

    private static ReportInput input(Consumer<In> change) {
        In in = new In();
        change.accept(in);
        return in.build();
    }

    private static ReportInput amount(String amount) {
        return input(in -> in.amount = new BigDecimal(amount));
    }

    private static ProblemInput problem(String description) {
        return new ProblemInput(ProblemType.LAND, description, "请自然资源局协调用地指标", null, null);
    }

    private static List<ProblemInput> problems(int n) {
        List<ProblemInput> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(problem("问题 " + i));
        }
        return list;
    }

    private static ProgressReported reported(Change c) {
        assertThat(c.events()).isNotEmpty();
        assertThat(c.events().get(0)).isInstanceOf(ProgressReported.class);
        return (ProgressReported) c.events().get(0);
    }

    private static Arguments reportRow(String rule, Consumer<In> change, String field) {
        return Arguments.of(rule, change, field);
    }

    static Stream<Arguments> reportViolations() {
        return Stream.of(
                reportRow("period missing", in -> in.period = null, "period"),
                reportRow("future month", in -> in.period = YearMonth.of(2026, 12), "period"),
                reportRow("investment missing", in -> in.amount = null, "investmentCompleted"),
                reportRow("investment negative", in -> in.amount = new BigDecimal("-0.01"), "investmentCompleted"),
                reportRow("investment with 3 decimals", in -> in.amount = new BigDecimal("1200.005"),
                        "investmentCompleted"),
                reportRow("investment absurdly large", in -> in.amount = new BigDecimal("100000001"),
                        "investmentCompleted"),
                reportRow("work under way missing", in -> in.workUnderWay = null, "workUnderWay"),
                reportRow("percent below 0", in -> in.percent = -1, "imageProgressPercent"),
                reportRow("percent above 100", in -> in.percent = 101, "imageProgressPercent"),
                reportRow("image progress longer than 500", in -> in.imageProgress = repeat('进', 501),
                        "imageProgress"),
                reportRow("image progress with a $ operator", in -> in.imageProgress = "$set", "imageProgress"),
                reportRow("more than 20 problems", in -> in.problems = problems(21), "problems"),
                reportRow("a missing problem", in -> in.problems = Collections.singletonList(null),
                        "problems[0].type"),
                reportRow("problem type missing", in -> in.problems = List.of(
                        new ProblemInput(null, "资金缺口", null, null, null)), "problems[0].type"),
                reportRow("problem description blank", in -> in.problems = List.of(problem(" ")),
                        "problems[0].description"),
                reportRow("second problem's description longer than 500",
                        in -> in.problems = List.of(problem("资金缺口"), problem(repeat('问', 501))),
                        "problems[1].description"),
                reportRow("help requested longer than 500", in -> in.problems = List.of(
                        new ProblemInput(ProblemType.FUNDS, "资金缺口", repeat('请', 501), null, null)),
                        "problems[0].helpRequested"),
                reportRow("department without deadline", in -> in.problems = List.of(
                        new ProblemInput(ProblemType.LAND, "用地指标不足", null, "自然资源局", null)),
                        "problems[0].deadline"),
                reportRow("deadline without department", in -> in.problems = List.of(
                        new ProblemInput(ProblemType.LAND, "用地指标不足", null, null, TODAY.plusDays(10))),
                        "problems[0].assignedDepartment"),
                reportRow("deadline before today", in -> in.problems = List.of(
                        new ProblemInput(ProblemType.LAND, "用地指标不足", null, "自然资源局", TODAY.minusDays(1))),
                        "problems[0].deadline"),
                reportRow("department longer than 50", in -> in.problems = List.of(
                        new ProblemInput(ProblemType.LAND, "用地指标不足", null, repeat('局', 51), TODAY)),
                        "problems[0].assignedDepartment"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("reportViolations")
    void report_rules(String rule, Consumer<In> change, String field) {
        Project p = registered(UNDER_CONSTRUCTION);
        violates(() -> p.fileReport(input(change), UNIT_SYSTEM, WINDOW), field);
        violates(() -> p.fileReport(input(change), OPERATOR, WINDOW), field);
    }

    @Test
    void an_operator_cannot_file_earlier_than_january_of_the_previous_year() {
        Project p = registered(UNDER_CONSTRUCTION);
        violates(() -> p.fileReport(input(in -> in.period = YearMonth.of(2024, 12)), OPERATOR, WINDOW), "period");
        assertThat(p.fileReport(input(in -> in.period = YearMonth.of(2025, 1)), OPERATOR, WINDOW).isEmpty())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ProjectPhase.class, names = {"RESERVE", "REVOKED"})
    void reserve_and_revoked_projects_do_not_report(ProjectPhase phase) {
        Project p = inPhase(phase, null);
        violates(() -> p.fileReport(amount("0"), UNIT_SYSTEM, WINDOW), "projectCode");
        violates(() -> p.fileReport(amount("0"), OPERATOR, WINDOW), "projectCode");
    }

    static Stream<Arguments> reportingStates() {
        return Stream.of(new State(PREPARATION, null), new State(READY, null), new State(UNDER_CONSTRUCTION, null),
                new State(COMPLETED, null), new State(IN_PRODUCTION, null), new State(SUSPENDED, PREPARATION),
                new State(SUSPENDED, READY), new State(SUSPENDED, UNDER_CONSTRUCTION)).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportingStates")
    void projects_in_other_phases_may_report(State state) {
        Project p = inPhase(state.phase(), state.suspendedFrom());
        Change c = p.fileReport(amount("0"), UNIT_SYSTEM, WINDOW);
        assertThat(reported(c).revision()).isEqualTo(1);
    }

    static Stream<Arguments> acceptedReports() {
        return Stream.of(
                reportRow("zero investment, no work", in -> {
                    in.amount = BigDecimal.ZERO;
                    in.workUnderWay = false;
                }, null),
                reportRow("percent 0", in -> in.percent = 0, null),
                reportRow("percent 100", in -> in.percent = 100, null),
                reportRow("no image progress", in -> {
                    in.imageProgress = null;
                    in.percent = null;
                }, null),
                reportRow("exactly 20 problems", in -> in.problems = problems(20), null),
                reportRow("problems null", in -> in.problems = null, null),
                reportRow("problem handed over with a deadline of today", in -> in.problems = List.of(
                        new ProblemInput(ProblemType.LAND, "用地指标不足", null, "自然资源局", TODAY)), null),
                reportRow("image progress of exactly 500", in -> in.imageProgress = repeat('进', 500), null),
                reportRow("the current month", in -> in.period = YearMonth.of(2026, 11), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedReports")
    void boundary_reports_are_accepted(String rule, Consumer<In> change, String ignored) {
        Change c = registered(UNDER_CONSTRUCTION).fileReport(input(change), UNIT_SYSTEM, WINDOW);
        assertThat(reported(c).revision()).isEqualTo(1);
    }

    @Test
    void a_missing_percent_counts_as_zero() {
        Change c = registered(UNDER_CONSTRUCTION).fileReport(input(in -> in.percent = null), UNIT_SYSTEM, WINDOW);
        assertThat(reported(c).imageProgressPercent()).isZero();
    }

    @Test
    void a_first_report_is_revision_1_with_the_whole_amount_as_delta() {
        Change c = registered(UNDER_CONSTRUCTION).fileReport(input(in -> in.imageProgress = " 主体结构施工至第 6 层 "),
                UNIT_SYSTEM, WINDOW);

        ProgressReported e = only(c, ProgressReported.class);
        assertThat(e.projectCode()).isEqualTo(CODE);
        assertThat(e.unitCode()).isEqualTo(UNIT);
        assertThat(e.period()).isEqualTo(OCT);
        assertThat(e.revision()).isEqualTo(1);
        assertThat(e.investmentCompleted()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(e.previousInvestmentCompleted()).isNull();
        assertThat(e.delta()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(e.workUnderWay()).isTrue();
        assertThat(e.imageProgress()).isEqualTo("主体结构施工至第 6 层");
        assertThat(e.imageProgressPercent()).isEqualTo(45);
        assertThat(e.problemsRaised()).isZero();
        assertThat(e.filedBy()).isEqualTo("unit-system:U-CG");
        assertThat(e.byOperator()).isFalse();
        assertThat(e.filedOn()).isEqualTo(TODAY);

        ProgressReport r = c.after().state().reports().get("2026-10");
        assertThat(r.revision()).isEqualTo(1);
        assertThat(r.investmentCompleted()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(c.action()).isEqualTo("填报月度进度 2026-10");
        assertThat(c.diff().get("reports.2026-10.investmentCompleted"))
                .containsExactly(null, new BigDecimal("1200.00"));
    }

    @Test
    void corrections_replace_the_report_and_carry_the_difference() {
        Project p = registered(UNDER_CONSTRUCTION);

        Change first = p.fileReport(amount("1200"), UNIT_SYSTEM, WINDOW);
        assertThat(reported(first).revision()).isEqualTo(1);

        Change second = first.after().fileReport(amount("1250.50"), UNIT_SYSTEM, WINDOW);
        ProgressReported e2 = only(second, ProgressReported.class);
        assertThat(e2.revision()).isEqualTo(2);
        assertThat(e2.investmentCompleted()).isEqualByComparingTo("1250.50");
        assertThat(e2.previousInvestmentCompleted()).isEqualByComparingTo("1200");
        assertThat(e2.delta()).isEqualTo(new BigDecimal("50.50"));
        assertThat(second.action()).isEqualTo("更正月度进度 2026-10");
        assertThat(second.diff().get("reports.2026-10.investmentCompleted"))
                .containsExactly(new BigDecimal("1200.00"), new BigDecimal("1250.50"));

        // an identical repeat (same figures, even written differently) changes nothing
        Change repeat = second.after().fileReport(input(in -> {
            in.amount = new BigDecimal("1250.5");
            in.imageProgress = "  主体结构施工至第 6 层 ";
        }), UNIT_SYSTEM, WINDOW);
        assertThat(repeat.isEmpty()).isTrue();
        assertThat(repeat.events()).isEmpty();
        assertThat(repeat.after()).isSameAs(second.after());
        assertThat(repeat.after().state().reports().get("2026-10").revision()).isEqualTo(2);

        Change third = repeat.after().fileReport(amount("1000"), UNIT_SYSTEM, WINDOW);
        ProgressReported e3 = only(third, ProgressReported.class);
        assertThat(e3.revision()).isEqualTo(3);
        assertThat(e3.previousInvestmentCompleted()).isEqualByComparingTo("1250.50");
        assertThat(e3.delta()).isEqualTo(new BigDecimal("-250.50"));

        ProgressReport latest = third.after().state().reports().get("2026-10");
        assertThat(latest.revision()).isEqualTo(3);
        assertThat(latest.investmentCompleted()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(third.after().state().reports()).hasSize(1); // replaced, never added
    }

    @Test
    void a_correction_of_anything_else_is_a_new_revision_with_zero_delta() {
        Project p = registered(UNDER_CONSTRUCTION).fileReport(amount("1200"), UNIT_SYSTEM, WINDOW).after();
        List<Consumer<In>> changes = List.of(
                in -> in.percent = 46,
                in -> in.workUnderWay = false,
                in -> in.imageProgress = "主体结构施工至第 7 层",
                in -> in.imageProgress = null);
        for (Consumer<In> change : changes) {
            ProgressReported e = only(p.fileReport(input(change), UNIT_SYSTEM, WINDOW), ProgressReported.class);
            assertThat(e.revision()).isEqualTo(2);
            assertThat(e.delta()).isEqualByComparingTo("0");
        }
    }

    @Test
    void each_period_has_its_own_report() {
        Project p = registered(UNDER_CONSTRUCTION)
                .fileReport(input(in -> in.period = YearMonth.of(2026, 9)), OPERATOR, WINDOW).after();
        ProgressReported oct = reported(p.fileReport(amount("1200"), UNIT_SYSTEM, WINDOW));
        assertThat(oct.revision()).isEqualTo(1);
        assertThat(oct.previousInvestmentCompleted()).isNull();
    }

    @Test
    void after_the_deadline_only_an_operator_files_and_the_report_says_so() {
        LocalDate afterDeadline = LocalDate.of(2026, 11, 6);
        Project p = registered(UNDER_CONSTRUCTION).fileReport(amount("1200"), UNIT_SYSTEM, WINDOW).after();

        assertThatThrownBy(() -> p.fileReport(amount("1250.50"),
                new Filing("unit-system:U-CG", false, afterDeadline), WINDOW))
                .isInstanceOf(ReportingClosed.class);

        Change late = p.fileReport(amount("1250.50"), new Filing("operator:zhang", true, afterDeadline), WINDOW);
        ProgressReported e = only(late, ProgressReported.class);
        assertThat(e.byOperator()).isTrue();
        assertThat(e.revision()).isEqualTo(2);
        assertThat(e.delta()).isEqualTo(new BigDecimal("50.50"));
        assertThat(e.filedBy()).isEqualTo("operator:zhang");
        assertThat(e.filedOn()).isEqualTo(afterDeadline);
        assertThat(late.after().state().reports().get("2026-10").byOperator()).isTrue();
    }

    @Test
    void on_the_deadline_day_a_unit_still_files_and_an_operator_filing_is_not_marked() {
        LocalDate deadline = LocalDate.of(2026, 11, 5);
        Project p = registered(UNDER_CONSTRUCTION);
        assertThat(reported(p.fileReport(amount("1200"), new Filing("unit-system:U-CG", false, deadline), WINDOW))
                .byOperator()).isFalse();
        assertThat(reported(p.fileReport(amount("1200"), new Filing("operator:zhang", true, deadline), WINDOW))
                .byOperator()).isFalse();
    }

    @Test
    void problems_filed_with_a_report_are_raised_with_it() {
        ReportInput in = input(i -> i.problems = List.of(
                new ProblemInput(ProblemType.FUNDS, "二期资金缺口 3000 万元", "申请专项债支持", null, null),
                new ProblemInput(ProblemType.LAND, "用地指标不足", null, " 自然资源局 ", TODAY.plusDays(15))));
        Change c = registered(UNDER_CONSTRUCTION).fileReport(in, UNIT_SYSTEM, WINDOW);

        assertThat(c.events()).hasSize(3);
        assertThat(reported(c).problemsRaised()).isEqualTo(2);
        assertThat(c.events().subList(1, 3)).allSatisfy(e -> assertThat(e).isInstanceOf(ProblemRaised.class));
        ProblemRaised funds = (ProblemRaised) c.events().get(1);
        ProblemRaised land = (ProblemRaised) c.events().get(2);
        assertThat(funds.problemId()).isEqualTo("PB-1");
        assertThat(funds.type()).isEqualTo(ProblemType.FUNDS);
        assertThat(funds.helpRequested()).isEqualTo("申请专项债支持");
        assertThat(funds.assignedDepartment()).isNull();
        assertThat(land.problemId()).isEqualTo("PB-2");
        assertThat(land.assignedDepartment()).isEqualTo("自然资源局");
        assertThat(land.deadline()).isEqualTo(TODAY.plusDays(15));
        assertThat(land.raisedOn()).isEqualTo(TODAY);
        assertThat(land.unitCode()).isEqualTo(UNIT);
        assertThat(c.after().state().problems()).extracting(Problem::period).containsOnly("2026-10");
        assertThat(c.after().state().problems()).allMatch(Problem::isOpen);
    }

    // ======================================================================================================
    // problems
    // ======================================================================================================

    static Stream<Arguments> problemViolations() {
        return Stream.of(
                Arguments.of("problem missing", null, "type"),
                Arguments.of("type missing", new ProblemInput(null, "资金缺口", null, null, null), "type"),
                Arguments.of("description missing", new ProblemInput(ProblemType.FUNDS, null, null, null, null),
                        "description"),
                Arguments.of("description blank", new ProblemInput(ProblemType.FUNDS, "  ", null, null, null),
                        "description"),
                Arguments.of("description longer than 500",
                        new ProblemInput(ProblemType.FUNDS, repeat('问', 501), null, null, null), "description"),
                Arguments.of("help requested longer than 500",
                        new ProblemInput(ProblemType.FUNDS, "资金缺口", repeat('请', 501), null, null),
                        "helpRequested"),
                Arguments.of("department without deadline",
                        new ProblemInput(ProblemType.DEMOLITION, "拆迁未完成", null, "住建局", null), "deadline"),
                Arguments.of("deadline without department",
                        new ProblemInput(ProblemType.DEMOLITION, "拆迁未完成", null, " ", TODAY), "assignedDepartment"),
                Arguments.of("deadline before today",
                        new ProblemInput(ProblemType.DEMOLITION, "拆迁未完成", null, "住建局", TODAY.minusDays(1)),
                        "deadline"),
                Arguments.of("department longer than 50",
                        new ProblemInput(ProblemType.DEMOLITION, "拆迁未完成", null, repeat('局', 51), TODAY),
                        "assignedDepartment"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("problemViolations")
    void problem_rules(String rule, ProblemInput in, String field) {
        violates(() -> registered(UNDER_CONSTRUCTION).raiseProblem(in, TODAY), field);
    }

    @Test
    void a_problem_is_raised_on_its_own_and_numbered() {
        Project p = registered(PREPARATION);
        Change first = p.raiseProblem(new ProblemInput(ProblemType.APPROVALS, " 环评批复滞后 ", null, null, null), TODAY);
        ProblemRaised e = only(first, ProblemRaised.class);
        assertThat(e.problemId()).isEqualTo("PB-1");
        assertThat(e.projectCode()).isEqualTo(CODE);
        assertThat(e.description()).isEqualTo("环评批复滞后");
        assertThat(e.assignedDepartment()).isNull();
        assertThat(e.deadline()).isNull();
        assertThat(e.raisedOn()).isEqualTo(TODAY);
        Problem stored = first.after().state().problems().get(0);
        assertThat(stored.period()).isNull();
        assertThat(stored.isOpen()).isTrue();

        Change second = first.after().raiseProblem(
                new ProblemInput(ProblemType.UTILITIES, "电力增容未落实", null, "供电公司", TODAY), TODAY);
        assertThat(only(second, ProblemRaised.class).problemId()).isEqualTo("PB-2");
        assertThat(second.after().state().problems()).hasSize(2);
    }

    private static Project withOpenProblem() {
        return registered(UNDER_CONSTRUCTION)
                .raiseProblem(new ProblemInput(ProblemType.LAND, "用地指标不足", "请协调", null, null), TODAY).after();
    }

    @Test
    void assigning_hands_the_problem_to_a_department_with_a_deadline() {
        Change c = withOpenProblem().assignProblem("PB-1", " 自然资源局 ", TODAY.plusDays(10), TODAY);
        ProblemAssigned e = only(c, ProblemAssigned.class);
        assertThat(e.problemId()).isEqualTo("PB-1");
        assertThat(e.assignedDepartment()).isEqualTo("自然资源局");
        assertThat(e.deadline()).isEqualTo(TODAY.plusDays(10));
        assertThat(e.unitCode()).isEqualTo(UNIT);
        Problem stored = c.after().state().problems().get(0);
        assertThat(stored.assignedDepartment()).isEqualTo("自然资源局");
        assertThat(stored.deadline()).isEqualTo(TODAY.plusDays(10));
        assertThat(stored.isOpen()).isTrue();
        assertThat(c.diff()).containsKeys("problems.PB-1.assignedDepartment", "problems.PB-1.deadline");

        // handed on again, with a deadline of today
        Change again = c.after().assignProblem("PB-1", "住建局", TODAY, TODAY);
        assertThat(again.after().state().problems().get(0).assignedDepartment()).isEqualTo("住建局");
    }

    static Stream<Arguments> assignViolations() {
        return Stream.of(
                Arguments.of("unknown problem", "PB-9", "自然资源局", TODAY, "problemId"),
                Arguments.of("no problem id", null, "自然资源局", TODAY, "problemId"),
                Arguments.of("department missing", "PB-1", null, TODAY, "assignedDepartment"),
                Arguments.of("department blank", "PB-1", "  ", TODAY, "assignedDepartment"),
                Arguments.of("department longer than 50", "PB-1", repeat('局', 51), TODAY, "assignedDepartment"),
                Arguments.of("deadline missing", "PB-1", "自然资源局", null, "deadline"),
                Arguments.of("deadline before today", "PB-1", "自然资源局", TODAY.minusDays(1), "deadline"));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("assignViolations")
    void assign_rules(String rule, String id, String department, LocalDate deadline, String field) {
        Project p = withOpenProblem();
        violates(() -> p.assignProblem(id, department, deadline, TODAY), field);
    }

    @Test
    void resolving_closes_the_problem() {
        Change c = withOpenProblem().resolveProblem("PB-1", " 已调剂用地指标 ", TODAY);
        ProblemResolved e = only(c, ProblemResolved.class);
        assertThat(e.problemId()).isEqualTo("PB-1");
        assertThat(e.resolution()).isEqualTo("已调剂用地指标");
        assertThat(e.resolvedOn()).isEqualTo(TODAY);
        Problem stored = c.after().state().problems().get(0);
        assertThat(stored.isOpen()).isFalse();
        assertThat(stored.resolvedOn()).isEqualTo(TODAY);
        assertThat(stored.resolution()).isEqualTo("已调剂用地指标");
    }

    @Test
    void a_resolved_problem_can_be_neither_resolved_again_nor_assigned() {
        Project resolved = withOpenProblem().resolveProblem("PB-1", "已解决", TODAY).after();
        violates(() -> resolved.resolveProblem("PB-1", "再次办结", TODAY), "problemId");
        violates(() -> resolved.assignProblem("PB-1", "住建局", TODAY, TODAY), "problemId");
    }

    @Test
    void resolve_rules() {
        Project p = withOpenProblem();
        violates(() -> p.resolveProblem("PB-2", "已解决", TODAY), "problemId");
        violates(() -> p.resolveProblem("PB-1", null, TODAY), "resolution");
        violates(() -> p.resolveProblem("PB-1", " ", TODAY), "resolution");
        violates(() -> p.resolveProblem("PB-1", repeat('办', 501), TODAY), "resolution");
    }

    // ======================================================================================================
    // withPhoto
    // ======================================================================================================

    @Test
    void a_photo_needs_the_periods_report() {
        Project p = registered(UNDER_CONSTRUCTION);
        violates(() -> p.withPhoto(OCT, "photo-1"), "period");
        Project filed = p.fileReport(amount("1200"), UNIT_SYSTEM, WINDOW).after();
        violates(() -> filed.withPhoto(YearMonth.of(2026, 9), "photo-1"), "period");
    }

    @Test
    void photos_are_added_to_the_report_and_survive_corrections() {
        Project p = registered(UNDER_CONSTRUCTION).fileReport(amount("1200"), UNIT_SYSTEM, WINDOW).after()
                .withPhoto(OCT, "photo-1")
                .withPhoto(OCT, "photo-2");
        ProgressReport r = p.state().reports().get("2026-10");
        assertThat(r.photoIds()).containsExactly("photo-1", "photo-2");
        assertThat(r.revision()).isEqualTo(1);
        assertThat(r.investmentCompleted()).isEqualByComparingTo("1200");

        Project corrected = p.fileReport(amount("1250.50"), UNIT_SYSTEM, WINDOW).after();
        assertThat(corrected.state().reports().get("2026-10").photoIds()).containsExactly("photo-1", "photo-2");
    }
}
