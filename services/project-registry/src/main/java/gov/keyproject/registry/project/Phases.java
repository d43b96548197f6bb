package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ProjectPhase;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static gov.keyproject.contracts.project.ProjectPhase.COMPLETED;
import static gov.keyproject.contracts.project.ProjectPhase.IN_PRODUCTION;
import static gov.keyproject.contracts.project.ProjectPhase.PREPARATION;
import static gov.keyproject.contracts.project.ProjectPhase.READY;
import static gov.keyproject.contracts.project.ProjectPhase.RESERVE;
import static gov.keyproject.contracts.project.ProjectPhase.REVOKED;
import static gov.keyproject.contracts.project.ProjectPhase.SUSPENDED;
import static gov.keyproject.contracts.project.ProjectPhase.UNDER_CONSTRUCTION;

/**
 * The phase rules of DOMAIN §2: 储备 → 前期 → 拟开工 → 在建 → 竣工 → 投产, one way; 停缓建 from 前期, 拟开工 or 在建 and
 * back to the phase it interrupted; 收回 (terminal) for a project not yet completed.
 */
public final class Phases {

    private static final Map<ProjectPhase, String> LABELS = Map.of(RESERVE, "储备", PREPARATION, "前期", READY, "拟开工",
            UNDER_CONSTRUCTION, "在建", COMPLETED, "竣工", IN_PRODUCTION, "投产", SUSPENDED, "停缓建", REVOKED, "收回");

    private Phases() {
    }

    public static String label(ProjectPhase phase) {
        return LABELS.get(phase);
    }

    /** The phases a project may move to from {@code current}; {@code suspendedFrom} matters only when suspended. */
    public static Set<ProjectPhase> allowedFrom(ProjectPhase current, ProjectPhase suspendedFrom) {
        return switch (current) {
            case RESERVE -> EnumSet.of(PREPARATION, REVOKED);
            case PREPARATION -> EnumSet.of(READY, SUSPENDED, REVOKED);
            case READY -> EnumSet.of(UNDER_CONSTRUCTION, SUSPENDED, REVOKED);
            case UNDER_CONSTRUCTION -> EnumSet.of(COMPLETED, SUSPENDED, REVOKED);
            case COMPLETED -> EnumSet.of(IN_PRODUCTION);
            case SUSPENDED -> suspendedFrom == null ? EnumSet.of(REVOKED) : EnumSet.of(suspendedFrom, REVOKED);
            case IN_PRODUCTION, REVOKED -> EnumSet.noneOf(ProjectPhase.class);
        };
    }

    /** Phases a project may be registered in directly (existing projects enter the ledger mid-way). */
    public static Set<ProjectPhase> initialPhases() {
        return EnumSet.of(RESERVE, PREPARATION, READY, UNDER_CONSTRUCTION, COMPLETED, IN_PRODUCTION);
    }
}
