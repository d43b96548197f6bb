package gov.keyproject.contracts.project;

/** 建设性质: 新建 (new this year) or 续建 (continued from last year). */
public enum ConstructionType {
    /** 新建 */ NEW,
    /** 续建 */ CONTINUED
}
