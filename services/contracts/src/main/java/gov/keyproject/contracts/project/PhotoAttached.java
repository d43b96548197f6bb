package gov.keyproject.contracts.project;

import gov.keyproject.contracts.DomainEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** A site photo (现场照片) was attached to a project's report as evidence. */
public record PhotoAttached(String projectCode, YearMonth period, String photoId, String contentType, long size,
                            Instant takenAt, BigDecimal latitude, BigDecimal longitude) implements DomainEvent {
    @Override
    public String aggregateId() {
        return projectCode;
    }
}
