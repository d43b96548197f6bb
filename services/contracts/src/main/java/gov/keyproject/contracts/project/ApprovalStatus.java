package gov.keyproject.contracts.project;

/** Status of a 前期手续. */
public enum ApprovalStatus {
    /** 未办 */ NOT_STARTED,
    /** 办理中 */ IN_PROGRESS,
    /** 已办结 */ DONE
}
