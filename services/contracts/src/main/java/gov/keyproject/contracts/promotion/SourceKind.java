package gov.keyproject.contracts.promotion;

/** How a deal was found (招商方式). */
public enum SourceKind {
    /** 上门招商 */ VISIT("上门招商"),
    /** 以商招商 */ REFERRAL("以商招商"),
    /** 展会 (e.g. 青洽会); the fair is named in {@code fairName} */ FAIR("展会"),
    /** 线上 */ ONLINE("线上");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
