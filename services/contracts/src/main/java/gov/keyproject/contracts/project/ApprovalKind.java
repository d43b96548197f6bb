package gov.keyproject.contracts.project;

/** 前期手续: the pre-work approvals. */
public enum ApprovalKind {
    /** 规划 */ PLANNING,
    /** 设计 */ DESIGN,
    /** 环评 */ ENVIRONMENT,
    /** 征地拆迁 */ LAND_ACQUISITION,
    /** 土地预审 */ LAND_PRE_EXAMINATION,
    /** 用地审批 */ LAND_USE_APPROVAL
}
