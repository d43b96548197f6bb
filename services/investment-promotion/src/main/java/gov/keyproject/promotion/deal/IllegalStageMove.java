package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.DealStage;

import java.util.Set;

/** A stage move the rules do not allow (a conflict, 409), naming the current stage and the allowed ones. */
public class IllegalStageMove extends RuntimeException {

    private final DealStage current;
    private final DealStage requested;
    private final Set<DealStage> allowed;

    public IllegalStageMove(DealStage current, DealStage requested, Set<DealStage> allowed) {
        super("招商项目当前阶段为 %s，不能转为 %s；允许的阶段: %s".formatted(current.label(), requested.label(),
                allowed.isEmpty() ? "无 (终态)"
                        : String.join("、", allowed.stream().sorted().map(DealStage::label).toList())));
        this.current = current;
        this.requested = requested;
        this.allowed = Set.copyOf(allowed);
    }

    public DealStage current() {
        return current;
    }

    public DealStage requested() {
        return requested;
    }

    public Set<DealStage> allowed() {
        return allowed;
    }
}
