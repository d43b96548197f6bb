package gov.keyproject.contracts.assessment;

import java.math.BigDecimal;

/**
 * Why a unit's score moved since the previous published ranking: the project or deal that caused it, the component
 * (or penalty) it moved, and by how many points (exact; negative is down).
 */
public record ScoreChange(String cause, String component, BigDecimal points, String text) {
}
