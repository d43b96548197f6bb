package gov.keyproject.assessment.ranking;

import gov.keyproject.contracts.assessment.ScoreChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static gov.keyproject.assessment.ranking.Tally.fiftyFive;
import static gov.keyproject.assessment.ranking.Tally.tally;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The score formula of DOMAIN §5, worked out by hand: Σ weight·value / Σ applicable weights × 100, components with a
 * zero denominator do not apply, investment and 资金到位率 capped at 1, then −2 per open yellow, −5 per open red, −3
 * more per overdue one, −5 per paper project, floored at 0.
 */
class ScoreCardTest {

    /** "a/b" or a decimal. */
    static Fraction exact(String value) {
        if (value.contains("/")) {
            String[] parts = value.split("/");
            return new Fraction(new BigInteger(parts[0].trim()), new BigInteger(parts[1].trim()));
        }
        return Fraction.of(new BigDecimal(value.trim()));
    }

    /**
     * Rows: name, tally, month, applicable components (I investment, S 开复工率, F 资金到位率, M milestones, - not),
     * base, score.
     */
    static Stream<Arguments> scores() {
        return Stream.of(
                arguments("all four apply", fiftyFive(), 6, "ISFM", "55", "55"),
                arguments("no planned investment: (15+10+10)/60", fiftyFive().investment("300", "0"), 6, "-SFM",
                        "175/3", "175/3"),
                arguments("no deals: (20+15+10)/80", fiftyFive().funds("0", "0"), 6, "IS-M", "56.25", "56.25"),
                arguments("funds without an agreed amount do not apply", fiftyFive().funds("50", "0"), 6, "IS-M",
                        "56.25", "56.25"),
                arguments("no milestones due: (20+15+10)/80", fiftyFive().milestones(0, 0), 6, "ISF-", "56.25",
                        "56.25"),
                arguments("no new due and no continued: (20+10+10)/80", fiftyFive().startResume(0, 0, 0, 0), 6,
                        "I-FM", "50", "50"),
                arguments("开复工 from continued only: 1/1", fiftyFive().startResume(0, 0, 1, 1), 6, "ISFM", "60",
                        "60"),
                arguments("开复工 from new only: 0/2", fiftyFive().startResume(0, 2, 0, 0), 6, "ISFM", "40", "40"),
                arguments("only investment applies", tally().investment("300", "1200"), 6, "I---", "50", "50"),
                arguments("only 开复工 applies", tally().startResume(1, 3, 0, 0), 6, "-S--", "100/3", "100/3"),
                arguments("only milestones apply", tally().milestones(2, 3), 6, "---M", "200/3", "200/3"),
                arguments("nothing applies: not ranked", tally(), 6, "----", "0", "0"),
                arguments("nothing applies, with penalties: still not ranked", tally().notices(1, 1, 1, 1), 6,
                        "----", "0", "0"),
                arguments("investment exactly t·ΣP", tally().investment("600", "1200"), 6, "I---", "100", "100"),
                arguments("investment above t·ΣP is capped at 1", tally().investment("700", "1200"), 6, "I---",
                        "100", "100"),
                arguments("capped investment with the rest", fiftyFive().investment("5000", "1200"), 6, "ISFM",
                        "75", "75"),
                arguments("no investment yet, but planned: applies with 0",
                        tally().investment("0", "1200").funds("100", "100"), 6, "I-F-", "100/3", "100/3"),
                arguments("资金到位率 150 % is capped at 1", tally().funds("150", "100"), 6, "--F-", "100", "100"),
                arguments("资金到位率 capped, with investment ½: (20+20)/60", tally().investment("300", "1200")
                        .funds("150", "100"), 6, "I-F-", "200/3", "200/3"),
                arguments("资金到位率 exactly 100 %", tally().funds("100.00", "100"), 6, "--F-", "100", "100"),
                arguments("m = 4, t = 1/3: 400 of 1200 is on time", tally().investment("400", "1200"), 4, "I---",
                        "100", "100"),
                arguments("m = 4, t = 1/3: 100 of 1200 is a quarter", tally().investment("100", "1200"), 4, "I---",
                        "25", "25"),
                arguments("m = 1: 50 of 1200 is half of t·P = 100", tally().investment("50", "1200"), 1, "I---",
                        "50", "50"),
                arguments("m = 12: 600 of 1200", tally().investment("600", "1200"), 12, "I---", "50", "50"),
                arguments("m = 7: 0.01 of 1200.01", tally().investment("0.01", "1200.01"), 7, "I---",
                        "1200/840007", "1200/840007"),
                // penalties on a base of 55
                arguments("one open yellow: −2", fiftyFive().notices(1, 0, 0, 0), 6, "ISFM", "55", "53"),
                arguments("one open red: −5", fiftyFive().notices(0, 0, 1, 0), 6, "ISFM", "55", "50"),
                arguments("one overdue yellow: −2 −3", fiftyFive().notices(1, 1, 0, 0), 6, "ISFM", "55", "50"),
                arguments("one overdue red: −5 −3", fiftyFive().notices(0, 0, 1, 1), 6, "ISFM", "55", "47"),
                arguments("one paper project: −5", fiftyFive().paper(1), 6, "ISFM", "55", "50"),
                arguments("all penalties: 55 −4 −5 −6 −10", fiftyFive().notices(2, 1, 1, 1).paper(2), 6, "ISFM",
                        "55", "30"),
                arguments("penalties on a fractional base", fiftyFive().investment("300", "0").notices(1, 0, 0, 0),
                        6, "-SFM", "175/3", "169/3"),
                // the floor
                arguments("base 10, −13 → floored at 0", tally().investment("60", "1200").notices(0, 0, 1, 1)
                        .paper(1), 6, "I---", "10", "0"),
                arguments("base 10, −10 → exactly 0", tally().investment("60", "1200").paper(2), 6, "I---", "10",
                        "0"),
                arguments("base 10, −9.. → 1", tally().investment("60", "1200").notices(2, 0, 1, 0), 6, "I---",
                        "10", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scores")
    void score(String name, Tally tally, int month, String applies, String base, String score) {
        ScoreCard card = ScoreCard.of(tally.build(), month, ScoreRules.DEFAULTS);
        String actualApplies = card.components().stream().map(c -> c.applies() ? c.name().substring(0, 1) : "-")
                .reduce("", String::concat);
        assertThat(actualApplies).isEqualTo(applies);
        assertThat(card.ranked()).isEqualTo(!applies.equals("----"));
        assertThat(card.base()).isEqualTo(exact(base));
        assertThat(card.score()).isEqualTo(exact(score));
        // the points of the components add up to the base, and the weights of those that apply are rescaled to 100
        Fraction sum = card.components().stream().map(ScoreCard.Component::points).reduce(Fraction.ZERO,
                Fraction::add);
        assertThat(sum).isEqualTo(card.base());
        card.components().stream().filter(c -> !c.applies())
                .forEach(c -> assertThat(c.points()).isEqualTo(Fraction.ZERO));
        assertThat(card.ytdCompleted()).isEqualByComparingTo(tally.build().ytdCompleted());
    }

    @Test
    void componentPointsAreRescaledOverTheApplicableWeights() {
        ScoreCard all = ScoreCard.of(fiftyFive().build(), 6, ScoreRules.DEFAULTS);
        assertThat(points(all)).containsExactly("INVESTMENT=20", "START_RESUME=15", "FUNDS=10", "MILESTONES=10");
        assertThat(all.components()).extracting(ScoreCard.Component::weight).containsExactly(40, 20, 20, 20);
        assertThat(all.components()).extracting(ScoreCard.Component::value)
                .containsExactly(exact("1/2"), exact("3/4"), exact("1/2"), exact("1/2"));

        // without investment the weights 20+20+20 = 60 are rescaled to 100: 20·¾·100/60 = 25, 20·½·100/60 = 50/3
        ScoreCard noInvestment = ScoreCard.of(fiftyFive().investment("300", "0").build(), 6, ScoreRules.DEFAULTS);
        assertThat(points(noInvestment)).containsExactly("INVESTMENT=0", "START_RESUME=25", "FUNDS=50/3",
                "MILESTONES=50/3");
        // the cap keeps the raw ratio visible but the value at 1
        ScoreCard capped = ScoreCard.of(tally().investment("700", "1200").funds("300", "100").build(), 6,
                ScoreRules.DEFAULTS);
        assertThat(capped.components().get(0).numerator()).isEqualTo(exact("700"));
        assertThat(capped.components().get(0).denominator()).isEqualTo(exact("600"));
        assertThat(capped.components().get(0).value()).isEqualTo(Fraction.ONE);
        assertThat(capped.components().get(2).value()).isEqualTo(Fraction.ONE);
    }

    private static List<String> points(ScoreCard card) {
        return card.components().stream().map(c -> c.name() + "=" + plain(c.points())).toList();
    }

    private static String plain(Fraction f) {
        return f.denominator().equals(BigInteger.ONE) ? f.numerator().toString() : f.toString();
    }

    @Test
    void penaltyLinesSayWhatAndHowMuch() {
        ScoreCard card = ScoreCard.of(fiftyFive().notices(2, 1, 1, 1).paper(2).build(), 6, ScoreRules.DEFAULTS);
        assertThat(card.penaltyLines()).extracting(p -> p.kind() + ":" + p.count() + ":" + p.points()
                .stripTrailingZeros().toPlainString()).containsExactlyInAnyOrder("OPEN_YELLOW_NOTICE:2:4",
                "OPEN_RED_NOTICE:1:5", "OVERDUE_NOTICE:2:6", "PAPER_PROJECT:2:10");
    }

    // ---- changesSince ----------------------------------------------------------------------------------------------

    /** Rows: name, before (null: no previous ranking), after, month, expected COMPONENT=points (exact, 10 places). */
    static Stream<Arguments> changes() {
        return Stream.of(
                arguments("nothing moved", fiftyFive(), fiftyFive(), ""),
                arguments("investment 20 → 40 and a new yellow notice", fiftyFive(),
                        fiftyFive().investment("600", "1200").notices(1, 0, 0, 0),
                        "INVESTMENT=20; OPEN_YELLOW_NOTICE=-2"),
                arguments("a milestone reached on time: ½ → 1 is +10", fiftyFive(), fiftyFive().milestones(2, 2),
                        "MILESTONES=10"),
                arguments("a new project started: ¾ → 1 is +5", fiftyFive(), fiftyFive().startResume(3, 3, 1, 1),
                        "START_RESUME=5"),
                arguments("funds start to apply: everything is rescaled", tally().investment("300", "1200"),
                        tally().investment("300", "1200").funds("100", "100"),
                        "INVESTMENT=-16.6666666667; FUNDS=33.3333333333"),
                arguments("a red notice becomes overdue", fiftyFive().notices(0, 0, 1, 0),
                        fiftyFive().notices(0, 0, 1, 1), "OVERDUE_NOTICE=-3"),
                arguments("a red notice is closed", fiftyFive().notices(0, 0, 1, 1), fiftyFive(),
                        "OPEN_RED_NOTICE=5; OVERDUE_NOTICE=3"),
                arguments("a yellow escalates to a red", fiftyFive().notices(1, 0, 0, 0),
                        fiftyFive().notices(0, 0, 1, 0), "OPEN_YELLOW_NOTICE=2; OPEN_RED_NOTICE=-5"),
                arguments("a paper project is cleared", fiftyFive().paper(1), fiftyFive(), "PAPER_PROJECT=5"),
                arguments("first ranking: everything from zero", null, fiftyFive().paper(1),
                        "INVESTMENT=20; START_RESUME=15; FUNDS=10; MILESTONES=10; PAPER_PROJECT=-5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changesSince(String name, Tally before, Tally after, String expected) {
        ScoreCard old = before == null ? null : ScoreCard.of(before.build(), 6, ScoreRules.DEFAULTS);
        ScoreCard now = ScoreCard.of(after.build(), 6, ScoreRules.DEFAULTS);
        List<ScoreChange> changes = now.changesSince(old, "P-001", "项目甲");
        assertThat(changes).extracting(c -> c.component() + "=" + c.points().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrderElementsOf(expected.isEmpty() ? List.of()
                        : Arrays.stream(expected.split(";")).map(String::trim).toList());
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.cause()).isEqualTo("P-001");
            assertThat(c.text()).startsWith("项目甲：").endsWith(" 分");
        });
    }

    @Test
    void changeTextsShowSignedPointsRoundedToTwoPlaces() {
        ScoreCard old = ScoreCard.of(tally().investment("300", "1200").build(), 6, ScoreRules.DEFAULTS);
        ScoreCard now = ScoreCard.of(tally().investment("300", "1200").funds("100", "100").notices(1, 0, 0, 0)
                .build(), 6, ScoreRules.DEFAULTS);
        assertThat(now.changesSince(old, "D-9", "招商项目乙")).extracting(ScoreChange::text).containsExactlyInAnyOrder(
                "招商项目乙：投资完成 -16.67 分", "招商项目乙：资金到位率 +33.33 分", "招商项目乙：黄色督办单 -2.00 分");
    }
}
