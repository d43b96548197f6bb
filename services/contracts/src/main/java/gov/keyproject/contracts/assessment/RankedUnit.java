package gov.keyproject.contracts.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit in a sequence's ranking (考核红黑榜). {@code rank} is null for a unit with no applicable component (not
 * ranked). {@code list} is HONOUR (红榜), BLACK (黑榜) or null; {@code flag} is EXEMPT (免试清单), NEGATIVE (负面清单) or
 * null. Scores are exact; {@code changes} say why the score moved since the previous published ranking.
 */
public record RankedUnit(String unitCode, String unitName, Integer rank, BigDecimal score, BigDecimal baseScore,
                         BigDecimal ytdCompleted, List<ComponentScore> components, List<PenaltyLine> penalties,
                         String list, String flag, Integer previousRank, BigDecimal previousScore,
                         List<ScoreChange> changes) {
    public RankedUnit {
        components = List.copyOf(components);
        penalties = List.copyOf(penalties);
        changes = List.copyOf(changes);
    }
}
