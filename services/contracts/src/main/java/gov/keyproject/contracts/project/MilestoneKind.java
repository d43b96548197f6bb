package gov.keyproject.contracts.project;

/** 时间节点: the typical milestones of a key project, in their usual order. */
public enum MilestoneKind {
    /** 立项 */ PROJECT_APPROVAL,
    /** 可研批复 */ FEASIBILITY_APPROVAL,
    /** 用地预审 */ LAND_PRE_EXAMINATION,
    /** 环评批复 */ ENVIRONMENTAL_APPROVAL,
    /** 规划许可 */ PLANNING_PERMIT,
    /** 施工许可 */ CONSTRUCTION_PERMIT,
    /** 开工 */ START,
    /** 主体完工 */ MAIN_STRUCTURE_COMPLETED,
    /** 竣工验收 */ COMPLETION_ACCEPTANCE,
    /** 投产 */ PRODUCTION
}
