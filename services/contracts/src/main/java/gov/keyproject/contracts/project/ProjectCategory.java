package gov.keyproject.contracts.project;

/** 项目类别. */
public enum ProjectCategory {
    /** 产业 */ INDUSTRIAL,
    /** 城建 */ URBAN_CONSTRUCTION,
    /** 基础设施 */ INFRASTRUCTURE,
    /** 民生实事 */ LIVELIHOOD,
    /** 文旅 */ TOURISM,
    /** 生态 */ ECOLOGY,
    /** 社会事业 */ SOCIAL
}
