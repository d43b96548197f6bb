package gov.keyproject.assessment.notice;

import java.util.Set;

/** A move the notice lifecycle does not allow from the notice's current stage (answered 409). */
public class IllegalNoticeMove extends RuntimeException {

    private final String noticeId;
    private final String action;
    private final String status;
    private final Set<String> allowed;

    public IllegalNoticeMove(String noticeId, String action, String status, Set<String> allowed) {
        super("督办单 " + noticeId + " 当前状态为 " + status + "，不能执行“" + SupervisionNotice.actionLabel(action)
                + "”" + (allowed.isEmpty() ? "（已办结）" : "；当前可执行：" + String.join("、", allowed.stream()
                .sorted().map(SupervisionNotice::actionLabel).toList())));
        this.noticeId = noticeId;
        this.action = action;
        this.status = status;
        this.allowed = Set.copyOf(allowed);
    }

    public String noticeId() {
        return noticeId;
    }

    public String action() {
        return action;
    }

    public String status() {
        return status;
    }

    public Set<String> allowed() {
        return allowed;
    }
}
