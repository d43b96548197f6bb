package gov.keyproject.platform.security;

/** Who calls the APIs. A token carries one or more roles in its {@code roles} claim and, for unit-scoped roles, a {@code unit}. */
public enum Role {
    /** A unit's own system (单位填报系统): reads and writes its own unit's data only. */
    UNIT_SYSTEM,
    /** The statistics bureau's feed (统计局入库数据): writes feed data only. */
    STATISTICS_FEED,
    /** 招商 staff of a unit: that unit's deals. */
    PROMOTION_STAFF,
    /** 发改委/重点办/督查考核办 staff: everything, including period close and notice verification. */
    OPERATOR,
    /** Read-only (领导/观察员). */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
