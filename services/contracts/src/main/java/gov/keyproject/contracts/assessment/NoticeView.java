package gov.keyproject.contracts.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * A supervision notice (三色督办单) as consumers see it. {@code status} is the lifecycle stage, or OVERDUE while an open
 * notice is past its deadline; {@code stage} is always the lifecycle stage. {@code deadline} is null for reminders.
 */
public record NoticeView(String noticeId, String projectCode, String projectName, String unitCode,
                         WarningColour colour, String status, String stage, boolean overdue, LocalDate issuedOn,
                         LocalDate deadline, List<WarningReason> reasons, String copiedTo, String escalatedFrom,
                         String escalatedTo, List<NoticeStep> trail) {
    public NoticeView {
        reasons = List.copyOf(reasons);
        trail = List.copyOf(trail);
    }
}
