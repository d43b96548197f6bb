package gov.keyproject.contracts;

/**
 * Kind of 责任单位 (responsible unit). Each kind is ranked in its own sequence:
 * townships are never ranked against departments.
 */
public enum UnitKind {
    /** 乡镇/街道 */
    TOWNSHIP,
    /** 部门 */
    DEPARTMENT,
    /** 开发区/园区 */
    DEVELOPMENT_ZONE
}
