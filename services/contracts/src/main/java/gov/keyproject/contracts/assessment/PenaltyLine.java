package gov.keyproject.contracts.assessment;

import java.math.BigDecimal;

/** A penalty as of the ranking date: what (e.g. {@code OPEN_RED_NOTICE}), how many, and the points deducted. */
public record PenaltyLine(String kind, int count, BigDecimal points) {
}
