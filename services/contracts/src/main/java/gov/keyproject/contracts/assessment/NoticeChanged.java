package gov.keyproject.contracts.assessment;

import gov.keyproject.contracts.DomainEvent;

/** A notice moved (acknowledged, rectified, rejected, closed, overdue, escalated); {@code step} is the move. */
public record NoticeChanged(NoticeView notice, NoticeStep step) implements DomainEvent {
    @Override
    public String aggregateId() {
        return notice.projectCode();
    }
}
