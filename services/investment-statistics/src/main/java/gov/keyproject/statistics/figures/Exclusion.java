package gov.keyproject.statistics.figures;

/** Why a project is not counted (不纳入统计) in a year as of a period (DOMAIN §3); a project may have several. */
public enum Exclusion {
    /** Planned investment for the year is absent or zero (无年度计划投资). */
    NO_PLAN_FOR_YEAR,
    /** Registered after the period's last day (期末后入库). */
    REGISTERED_AFTER_PERIOD,
    /** REVOKED (收回) as of today. */
    REVOKED
}
