package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.registry.project.ProjectFixtures.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;

import static gov.keyproject.contracts.project.ProjectPhase.COMPLETED;
import static gov.keyproject.contracts.project.ProjectPhase.IN_PRODUCTION;
import static gov.keyproject.contracts.project.ProjectPhase.PREPARATION;
import static gov.keyproject.contracts.project.ProjectPhase.READY;
import static gov.keyproject.contracts.project.ProjectPhase.RESERVE;
import static gov.keyproject.contracts.project.ProjectPhase.REVOKED;
import static gov.keyproject.contracts.project.ProjectPhase.SUSPENDED;
import static gov.keyproject.contracts.project.ProjectPhase.UNDER_CONSTRUCTION;
import static org.assertj.core.api.Assertions.assertThat;

/** The phase rules of DOMAIN §2, pair by pair, against the hand-written table in {@link ProjectFixtures#ALLOWED}. */
class PhasesTest {

    @ParameterizedTest(name = "{0} → {1}: allowed = {2}")
    @MethodSource("gov.keyproject.registry.project.ProjectFixtures#allPhaseMoves")
    void every_pair_is_allowed_or_refused_as_in_the_table(State from, ProjectPhase to, boolean allowed) {
        assertThat(Phases.allowedFrom(from.phase(), from.suspendedFrom()).contains(to)).isEqualTo(allowed);
    }

    @Test
    void the_table_covers_every_phase_and_every_interrupted_phase() {
        assertThat(ProjectFixtures.ALLOWED.keySet().stream().map(State::phase))
                .containsAll(EnumSet.allOf(ProjectPhase.class));
        assertThat(ProjectFixtures.allPhaseMoves()).hasSize(80);
        assertThat(ProjectFixtures.allowedPhaseMoves()).hasSize(18);
        assertThat(ProjectFixtures.refusedPhaseMoves()).hasSize(62);
    }

    @ParameterizedTest
    @EnumSource(ProjectPhase.class)
    void no_phase_moves_to_itself(ProjectPhase phase) {
        ProjectPhase suspendedFrom = phase == SUSPENDED ? UNDER_CONSTRUCTION : null;
        assertThat(Phases.allowedFrom(phase, suspendedFrom)).doesNotContain(phase);
    }

    @Test
    void terminal_phases_allow_nothing() {
        assertThat(Phases.allowedFrom(REVOKED, null)).isEmpty();
        assertThat(Phases.allowedFrom(IN_PRODUCTION, null)).isEmpty();
    }

    @Test
    void a_completed_or_producing_project_cannot_be_suspended_or_revoked() {
        assertThat(Phases.allowedFrom(COMPLETED, null)).doesNotContain(SUSPENDED, REVOKED);
        assertThat(Phases.allowedFrom(IN_PRODUCTION, null)).doesNotContain(SUSPENDED, REVOKED);
    }

    @Test
    void suspended_and_revoked_are_not_initial_phases() {
        assertThat(Phases.initialPhases())
                .containsExactlyInAnyOrder(RESERVE, PREPARATION, READY, UNDER_CONSTRUCTION, COMPLETED, IN_PRODUCTION);
    }

    @ParameterizedTest
    @EnumSource(ProjectPhase.class)
    void every_phase_has_a_chinese_label(ProjectPhase phase) {
        assertThat(Phases.label(phase)).isNotBlank();
    }

    @Test
    void labels_are_the_ones_of_the_domain() {
        assertThat(EnumSet.allOf(ProjectPhase.class).stream().map(Phases::label))
                .containsExactly("储备", "前期", "拟开工", "在建", "竣工", "投产", "停缓建", "收回");
    }
}
