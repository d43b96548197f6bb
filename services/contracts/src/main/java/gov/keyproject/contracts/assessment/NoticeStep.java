package gov.keyproject.contracts.assessment;

import java.time.Instant;
import java.time.LocalDate;

/** One step in a notice's trail (痕迹管理): who moved it from what to what, when, and why. */
public record NoticeStep(String action, String from, String to, String actor, LocalDate on, Instant at,
                         String note) {
}
