package gov.keyproject.promotion.deal;

import gov.keyproject.contracts.promotion.SourceKind;

/** The source (招商来源) of a deal; {@code fairName} (e.g. 青洽会) is given for {@link SourceKind#FAIR} and only then. */
public record DealSource(SourceKind kind, String fairName) {

    public static DealSource visit() {
        return new DealSource(SourceKind.VISIT, null);
    }

    public static DealSource referral() {
        return new DealSource(SourceKind.REFERRAL, null);
    }

    public static DealSource online() {
        return new DealSource(SourceKind.ONLINE, null);
    }

    public static DealSource fair(String fairName) {
        return new DealSource(SourceKind.FAIR, fairName);
    }

    /** Checks the rules and returns the normalized source. */
    public DealSource validated() {
        if (kind == null) {
            throw new DealRuleViolation("source.kind", "不能为空");
        }
        if (kind == SourceKind.FAIR) {
            return new DealSource(kind, Texts.required("source.fairName", fairName, 50));
        }
        if (fairName != null && !fairName.isBlank()) {
            throw new DealRuleViolation("source.fairName", "仅展会来源填写展会名称");
        }
        return new DealSource(kind, null);
    }
}
