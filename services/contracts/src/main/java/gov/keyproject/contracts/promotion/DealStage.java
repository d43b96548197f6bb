package gov.keyproject.contracts.promotion;

/**
 * The stage of a deal (招商项目阶段), DOMAIN §4: 在谈 → 签约 → 落地 → 开工 → 投产, or 终止. The move rules belong to
 * the promotion service; the contract only names the stages.
 */
public enum DealStage {
    /** 在谈 */ NEGOTIATING("在谈"),
    /** 签约 */ SIGNED("签约"),
    /** 落地 */ LANDED("落地"),
    /** 开工 */ STARTED("开工"),
    /** 投产 */ PRODUCING("投产"),
    /** 终止 */ TERMINATED("终止");

    private final String label;

    DealStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
