package gov.keyproject.contracts.assessment;

import gov.keyproject.contracts.DomainEvent;

/** A supervision notice (三色督办单) or reminder (提示单) was issued. Keyed by project code. */
public record NoticeIssued(NoticeView notice) implements DomainEvent {
    @Override
    public String aggregateId() {
        return notice.projectCode();
    }
}
