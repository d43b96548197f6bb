package gov.keyproject.promotion.deal;

/** A request broke a deal rule (400); names the offending field, e.g. {@code signedOn} or {@code contacts[0].phone}. */
public class DealRuleViolation extends RuntimeException {

    private final String field;

    public DealRuleViolation(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
