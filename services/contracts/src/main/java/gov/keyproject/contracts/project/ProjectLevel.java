package gov.keyproject.contracts.project;

/** 项目级别. */
public enum ProjectLevel {
    /** 省重点 */ PROVINCIAL,
    /** 市重点 */ MUNICIPAL,
    /** 县区重点 */ COUNTY
}
