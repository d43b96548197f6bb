package gov.keyproject.assessment.notice;

/**
 * Where a notice is in its lifecycle: ISSUED → ACKNOWLEDGED (领办) → RECTIFIED (整改) → CLOSED (办结销号), or
 * RECTIFIED → REJECTED (驳回重办) → RECTIFIED; a yellow notice that becomes overdue ends ESCALATED. Being overdue is a
 * flag on top of the stage (an overdue notice can still be handled), shown as the status OVERDUE.
 */
public enum NoticeStage {
    ISSUED("已下发"), ACKNOWLEDGED("已领办"), RECTIFIED("已整改"), REJECTED("已驳回"), CLOSED("已销号"),
    ESCALATED("已升级");

    private final String label;

    NoticeStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED && this != ESCALATED;
    }
}
