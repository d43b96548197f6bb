package gov.keyproject.contracts.project;

/** 项目阶段. One-way, except suspension (停缓建) and back; REVOKED (收回) is terminal. */
public enum ProjectPhase {
    /** 储备 */
    RESERVE,
    /** 前期 */
    PREPARATION,
    /** 拟开工 */
    READY,
    /** 在建 */
    UNDER_CONSTRUCTION,
    /** 竣工 */
    COMPLETED,
    /** 投产 */
    IN_PRODUCTION,
    /** 停缓建 */
    SUSPENDED,
    /** 收回 (land or rights taken back from an idle "围墙项目") */
    REVOKED;

    /** Phases in which a project must report every month and is coloured. */
    public boolean isActive() {
        return this == PREPARATION || this == READY || this == UNDER_CONSTRUCTION;
    }
}
