package gov.keyproject.contracts.project;

/** 问题类型 of a problem a project reports. */
public enum ProblemType {
    /** 资金 */ FUNDS,
    /** 用地 */ LAND,
    /** 拆迁 */ DEMOLITION,
    /** 审批 */ APPROVALS,
    /** 环评 */ ENVIRONMENT,
    /** 要素 (utilities, power, water) */ UTILITIES,
    /** 其他 */ OTHER
}
