package gov.keyproject.assessment.ranking;

import gov.keyproject.contracts.assessment.RankedUnit;
import gov.keyproject.contracts.assessment.ScoreChange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sequence's ranking (考核红黑榜): ranked units ordered by exact score, then YTD completed, then unit code; the
 * honour list (红榜) is the exempt units then the best k_h of the n others, the black list (黑榜) the negative-list
 * units then the worst k_b, with k_h = min(3, ⌈n/2⌉) and k_b = min(3, ⌊n/2⌋) (DOMAIN §5).
 */
public final class SequenceRanking {

    public static final String HONOUR = "HONOUR";
    public static final String BLACK = "BLACK";
    public static final String EXEMPT = "EXEMPT";
    public static final String NEGATIVE = "NEGATIVE";

    /** A unit of the sequence with its score card for the period. */
    public record Standing(String unitCode, String unitName, ScoreCard card) {
    }

    /** Where a unit stood in the previous published ranking. */
    public record Previous(Integer rank, BigDecimal score) {
    }

    public record Result(List<RankedUnit> units, List<String> honourList, List<String> blackList) {
    }

    public static final Comparator<Standing> ORDER = Comparator
            .comparing((Standing s) -> s.card().score(), Comparator.reverseOrder())
            .thenComparing(s -> s.card().ytdCompleted(), Comparator.reverseOrder())
            .thenComparing(Standing::unitCode);

    private SequenceRanking() {
    }

    public static Result rank(List<Standing> standings, Set<String> exempt, Set<String> negative, int maxListSize,
                              Map<String, Previous> previous, Map<String, List<ScoreChange>> changes) {
        List<Standing> ranked = new ArrayList<>(standings.stream().filter(s -> s.card().ranked()).toList());
        ranked.sort(ORDER);
        List<Standing> unranked = new ArrayList<>(standings.stream().filter(s -> !s.card().ranked()).toList());
        unranked.sort(Comparator.comparing(Standing::unitCode));

        List<Standing> others = ranked.stream()
                .filter(s -> !exempt.contains(s.unitCode()) && !negative.contains(s.unitCode())).toList();
        int n = others.size();
        int kh = Math.min(maxListSize, (n + 1) / 2);
        int kb = Math.min(maxListSize, n / 2);

        List<String> honour = new ArrayList<>();
        List<String> black = new ArrayList<>();
        for (Standing s : ranked) {
            if (exempt.contains(s.unitCode())) {
                honour.add(s.unitCode());
            }
            if (negative.contains(s.unitCode())) {
                black.add(s.unitCode());
            }
        }
        for (Standing s : unranked) {
            if (exempt.contains(s.unitCode())) {
                honour.add(s.unitCode());
            }
            if (negative.contains(s.unitCode())) {
                black.add(s.unitCode());
            }
        }
        others.subList(0, kh).forEach(s -> honour.add(s.unitCode()));
        others.subList(n - kb, n).forEach(s -> black.add(s.unitCode()));

        List<RankedUnit> units = new ArrayList<>();
        int rank = 0;
        for (Standing s : ranked) {
            units.add(entry(s, ++rank, honour, black, exempt, negative, previous, changes));
        }
        for (Standing s : unranked) {
            units.add(entry(s, null, honour, black, exempt, negative, previous, changes));
        }
        return new Result(units, honour, black);
    }

    private static RankedUnit entry(Standing s, Integer rank, List<String> honour, List<String> black,
                                    Set<String> exempt, Set<String> negative, Map<String, Previous> previous,
                                    Map<String, List<ScoreChange>> changes) {
        String list = honour.contains(s.unitCode()) ? HONOUR : black.contains(s.unitCode()) ? BLACK : null;
        String flag = exempt.contains(s.unitCode()) ? EXEMPT : negative.contains(s.unitCode()) ? NEGATIVE : null;
        Previous before = previous.get(s.unitCode());
        ScoreCard c = s.card();
        return new RankedUnit(s.unitCode(), s.unitName(), rank, c.ranked() ? c.score().toDecimal(ScoreCard.EVENT_SCALE)
                : null, c.base().toDecimal(ScoreCard.EVENT_SCALE), c.ytdCompleted(), c.componentScores(),
                c.penaltyLines(), list, flag, before == null ? null : before.rank(),
                before == null ? null : before.score(), changes.getOrDefault(s.unitCode(), List.of()));
    }
}
