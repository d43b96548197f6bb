package gov.keyproject.assessment.ranking;

import gov.keyproject.contracts.assessment.RankedUnit;
import gov.keyproject.contracts.assessment.ScoreChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static gov.keyproject.assessment.ranking.Tally.tally;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 考核红黑榜 (DOMAIN §5): order by exact score, then YTD completed, then unit code; 红榜 = exempt units then the best
 * k_h = min(3, ⌈n/2⌉), 黑榜 = negative-list units then the worst k_b = min(3, ⌊n/2⌋), n excluding flagged units.
 */
class SequenceRankingTest {

    /** A unit whose only applicable component is investment, for month 12: score = 100·C/P. */
    private static SequenceRanking.Standing unit(String code, String c, String p) {
        return unit(code, tally().investment(c, p));
    }

    private static SequenceRanking.Standing unit(String code, Tally tally) {
        return new SequenceRanking.Standing(code, "单位" + code, ScoreCard.of(tally.build(), 12,
                ScoreRules.DEFAULTS));
    }

    private static SequenceRanking.Standing unranked(String code) {
        return unit(code, tally());
    }

    private static SequenceRanking.Result rank(List<SequenceRanking.Standing> standings, Set<String> exempt,
                                               Set<String> negative) {
        return SequenceRanking.rank(standings, exempt, negative, ScoreRules.DEFAULTS.maxListSize(), Map.of(),
                Map.of());
    }

    private static List<String> order(SequenceRanking.Result r) {
        return r.units().stream().map(RankedUnit::unitCode).toList();
    }

    /** Units written code:C:P[:open yellow notices], scores = 100·C/P − 2·yellow. */
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "distinct scores             | U3:500:1000 U1:400:1000 U2:600:1000          | U2 U3 U1",
            "equal score, more YTD first | U1:300:600 U2:600:1200                       | U2 U1",
            "equal score and YTD: code   | U2:600:1200 U1:600:1200 U10:600:1200         | U1 U10 U2",
            "YTD compared by value       | U2:600.00:1200 U1:600:1200                   | U1 U2",
            "score beats YTD             | U2:1100:1200 U1:100:100                      | U1 U2",
            "penalties count             | U1:600:1200:1 U2:588:1200                    | U2 U1",
            "penalty makes a tie         | U1:600:1200:1 U2:576:1200                    | U1 U2",
            "capped scores tie, then YTD | U1:1300:1200 U2:1500:1200 U3:1200:1200       | U2 U1 U3",
    })
    void orderByScoreThenYtdThenCode(String name, String units, String expected) {
        List<SequenceRanking.Standing> standings = new ArrayList<>();
        for (String u : units.trim().split("\\s+")) {
            String[] f = u.split(":");
            Tally t = tally().investment(f[1], f[2]);
            if (f.length > 3) {
                t.notices(Integer.parseInt(f[3]), 0, 0, 0);
            }
            standings.add(unit(f[0], t));
        }
        SequenceRanking.Result r = rank(standings, Set.of(), Set.of());
        assertThat(order(r)).containsExactly(expected.trim().split("\\s+"));
        assertThat(r.units()).extracting(RankedUnit::rank)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, standings.size()).boxed().toList());
    }

    @Test
    void scoresAreComparedExactlyNotRounded() {
        // A: 100·1/3 = 33.333…; B: 100·33333333333333333333.33 / 10^20 = 33.33333333333333333333 (20 places),
        // lower than A by 1/3·10^-20 although its YTD is far higher; C: …34, higher than A
        String big = "100000000000000000000";
        SequenceRanking.Result r = rank(List.of(unit("B", "33333333333333333333.33", big), unit("A", "1", "3")),
                Set.of(), Set.of());
        assertThat(order(r)).containsExactly("A", "B");
        assertThat(r.units().get(0).score()).isEqualByComparingTo(r.units().get(1).score()); // equal when shown

        SequenceRanking.Result r2 = rank(List.of(unit("A", "1", "3"), unit("C", "33333333333333333333.34", big)),
                Set.of(), Set.of());
        assertThat(order(r2)).containsExactly("C", "A");
    }

    @Test
    void entriesCarryTheExactScoreTheComponentsAndPenalties() {
        SequenceRanking.Result r = rank(List.of(unit("U1", tally().investment("1", "3").notices(1, 0, 0, 0))),
                Set.of(), Set.of());
        RankedUnit u = r.units().get(0);
        // 100/3 − 2 = 31.333…
        assertThat(u.score()).isEqualByComparingTo("31.3333333333");
        assertThat(u.baseScore()).isEqualByComparingTo("33.3333333333");
        assertThat(u.ytdCompleted()).isEqualByComparingTo("1");
        assertThat(u.unitName()).isEqualTo("单位U1");
        assertThat(u.components()).hasSize(4);
        assertThat(u.penalties()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("OPEN_YELLOW_NOTICE");
            assertThat(p.count()).isEqualTo(1);
            assertThat(p.points()).isEqualByComparingTo("2");
        });
    }

    // ---- list sizes ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "n = {0}: k_h = {1}, k_b = {2}")
    @CsvSource({
            "1, 1, 0",
            "2, 1, 1",
            "3, 2, 1",
            "4, 2, 2",
            "5, 3, 2",
            "6, 3, 3",
            "7, 3, 3",
            "8, 3, 3",
    })
    void listSizes(int n, int kh, int kb) {
        // U1 best … Un worst, given in a shuffled order
        List<SequenceRanking.Standing> standings = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            standings.add(unit("U" + i, String.valueOf(1000 - 10 * i), "1000"));
        }
        Collections.shuffle(standings, new Random(n));
        SequenceRanking.Result r = rank(standings, Set.of(), Set.of());
        List<String> best = IntStream.rangeClosed(1, kh).mapToObj(i -> "U" + i).toList();
        List<String> worst = IntStream.rangeClosed(n - kb + 1, n).mapToObj(i -> "U" + i).toList();
        assertThat(r.honourList()).containsExactlyElementsOf(best);
        assertThat(r.blackList()).containsExactlyInAnyOrderElementsOf(worst);
        assertThat(order(r)).containsExactlyElementsOf(IntStream.rangeClosed(1, n).mapToObj(i -> "U" + i).toList());
        for (RankedUnit u : r.units()) {
            String expectedList = best.contains(u.unitCode()) ? SequenceRanking.HONOUR
                    : worst.contains(u.unitCode()) ? SequenceRanking.BLACK : null;
            assertThat(u.list()).as(u.unitCode()).isEqualTo(expectedList);
            assertThat(u.flag()).isNull();
        }
    }

    // ---- exemption and negative lists ------------------------------------------------------------------------------

    @Test
    void flaggedUnitsComeFirstAndAreNotCountedInN() {
        // A 90 … G 30; E exempt, B negative, X (unranked) exempt, Y (unranked) negative, Z unranked
        List<SequenceRanking.Standing> standings = List.of(
                unit("G", "30", "100"), unit("F", "40", "100"), unit("E", "50", "100"), unit("D", "60", "100"),
                unit("C", "70", "100"), unit("B", "80", "100"), unit("A", "90", "100"),
                unranked("Z"), unranked("Y"), unranked("X"));
        SequenceRanking.Result r = rank(standings, Set.of("E", "X"), Set.of("B", "Y"));
        // n = 5 (A, C, D, F, G): k_h = 3, k_b = 2
        assertThat(r.honourList()).containsExactly("E", "X", "A", "C", "D");
        assertThat(r.blackList()).hasSize(4);
        assertThat(r.blackList().subList(0, 2)).containsExactly("B", "Y");
        assertThat(r.blackList().subList(2, 4)).containsExactlyInAnyOrder("F", "G");

        assertThat(order(r)).containsExactly("A", "B", "C", "D", "E", "F", "G", "X", "Y", "Z");
        Map<String, RankedUnit> byCode = r.units().stream().collect(Collectors.toMap(RankedUnit::unitCode, u -> u));
        assertThat(byCode.get("A").rank()).isEqualTo(1);
        assertThat(byCode.get("B").rank()).isEqualTo(2);
        assertThat(byCode.get("E").rank()).isEqualTo(5);
        assertThat(byCode.get("G").rank()).isEqualTo(7);
        assertThat(List.of("X", "Y", "Z")).allSatisfy(code -> {
            assertThat(byCode.get(code).rank()).isNull();
            assertThat(byCode.get(code).score()).isNull();
        });
        assertThat(entry(byCode.get("E"))).isEqualTo("HONOUR/EXEMPT");
        assertThat(entry(byCode.get("X"))).isEqualTo("HONOUR/EXEMPT");
        assertThat(entry(byCode.get("B"))).isEqualTo("BLACK/NEGATIVE");
        assertThat(entry(byCode.get("Y"))).isEqualTo("BLACK/NEGATIVE");
        assertThat(entry(byCode.get("A"))).isEqualTo("HONOUR/null");
        assertThat(entry(byCode.get("D"))).isEqualTo("HONOUR/null");
        assertThat(entry(byCode.get("F"))).isEqualTo("BLACK/null");
        assertThat(entry(byCode.get("Z"))).isEqualTo("null/null");
    }

    private static String entry(RankedUnit u) {
        return u.list() + "/" + u.flag();
    }

    @ParameterizedTest(name = "exempt {0}, negative {1} → 红榜 {2}, 黑榜 {3}")
    @CsvSource(delimiter = '|', value = {
            // ranked A 90 > B 80 > C 70 > D 60 > E 50 > F 40; X, W unranked
            "           |           | A B C       | D E F",
            "D A        |           | A D B C     | E F",
            "W D A      |           | A D W B C   | E F",
            "           | E B       | A C         | B E D F",
            "           | W B       | A C D       | B W E F",
            "A B C D E F|           | A B C D E F | ",
            "A B C      | D E F     | A B C       | D E F",
            "A          | F         | A B C       | F D E",
            "B          | C D E F   | B A         | C D E F",
            "W          | X         | W A B C     | X D E F",
    })
    void flaggedUnitsInRankOrderThenTheBestAndWorstOfTheRest(String exempt, String negative, String honour,
                                                            String black) {
        List<SequenceRanking.Standing> standings = List.of(unranked("X"), unit("F", "40", "100"),
                unit("A", "90", "100"), unit("C", "70", "100"), unit("E", "50", "100"), unranked("W"),
                unit("B", "80", "100"), unit("D", "60", "100"));
        SequenceRanking.Result r = rank(standings, codes(exempt), codes(negative));
        List<String> expectedHonour = list(honour);
        List<String> expectedBlack = list(black);
        assertThat(r.honourList()).containsExactlyElementsOf(expectedHonour);
        int flaggedBlack = codes(negative).size();
        assertThat(r.blackList()).hasSameSizeAs(expectedBlack);
        assertThat(r.blackList().subList(0, flaggedBlack)).containsExactlyElementsOf(
                expectedBlack.subList(0, flaggedBlack));
        assertThat(r.blackList().subList(flaggedBlack, r.blackList().size()))
                .containsExactlyInAnyOrderElementsOf(expectedBlack.subList(flaggedBlack, expectedBlack.size()));
    }

    private static Set<String> codes(String s) {
        return s == null || s.isBlank() ? Set.of() : Set.copyOf(list(s));
    }

    private static List<String> list(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    @Test
    void anEmptySequenceAndAnAllUnrankedSequence() {
        SequenceRanking.Result empty = rank(List.of(), Set.of(), Set.of());
        assertThat(empty.units()).isEmpty();
        assertThat(empty.honourList()).isEmpty();
        assertThat(empty.blackList()).isEmpty();

        SequenceRanking.Result none = rank(List.of(unranked("B"), unranked("A")), Set.of(), Set.of());
        assertThat(order(none)).containsExactly("A", "B");
        assertThat(none.units()).extracting(RankedUnit::rank).containsOnlyNulls();
        assertThat(none.honourList()).isEmpty();
        assertThat(none.blackList()).isEmpty();
    }

    // ---- previous ranking and changes ------------------------------------------------------------------------------

    @Test
    void previousRankScoreAndChangesArePassedThrough() {
        List<ScoreChange> changes = List.of(new ScoreChange("P-001", "INVESTMENT", new BigDecimal("4.5"),
                "项目甲：投资完成 +4.50 分"));
        SequenceRanking.Result r = SequenceRanking.rank(
                List.of(unit("A", "90", "100"), unit("B", "80", "100"), unranked("C")), Set.of(), Set.of(), 3,
                Map.of("A", new SequenceRanking.Previous(2, new BigDecimal("85.5")),
                        "C", new SequenceRanking.Previous(1, new BigDecimal("99"))),
                Map.of("A", changes));
        Map<String, RankedUnit> byCode = r.units().stream().collect(Collectors.toMap(RankedUnit::unitCode, u -> u));
        assertThat(byCode.get("A").previousRank()).isEqualTo(2);
        assertThat(byCode.get("A").previousScore()).isEqualByComparingTo("85.5");
        assertThat(byCode.get("A").changes()).isEqualTo(changes);
        assertThat(byCode.get("B").previousRank()).isNull();
        assertThat(byCode.get("B").previousScore()).isNull();
        assertThat(byCode.get("B").changes()).isEmpty();
        assertThat(byCode.get("C").previousRank()).isEqualTo(1);
        assertThat(byCode.get("C").rank()).isNull();
    }

    @Test
    void theListSizeIsConfiguration() {
        List<SequenceRanking.Standing> standings = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> unit("U" + (char) ('A' + i - 1), String.valueOf(100 - i), "100")).toList();
        SequenceRanking.Result r = SequenceRanking.rank(standings, Set.of(), Set.of(), 5, Map.of(), Map.of());
        assertThat(r.honourList()).containsExactly("UA", "UB", "UC", "UD", "UE");
        assertThat(r.blackList()).containsExactlyInAnyOrder("UF", "UG", "UH", "UI", "UJ");
    }
}
