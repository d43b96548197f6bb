package gov.keyproject.contracts.assessment;

import java.math.BigDecimal;

/**
 * One score component of a unit: its exact value (numerator / denominator, capped where the rules cap it), its
 * weight, whether it applies (a zero denominator does not), and the points it adds to the score after rescaling.
 */
public record ComponentScore(String component, BigDecimal numerator, BigDecimal denominator, BigDecimal value,
                             int weight, boolean applies, BigDecimal points) {
}
