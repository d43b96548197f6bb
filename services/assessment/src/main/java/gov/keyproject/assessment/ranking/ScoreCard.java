package gov.keyproject.assessment.ranking;

import gov.keyproject.contracts.assessment.ComponentScore;
import gov.keyproject.contracts.assessment.PenaltyLine;
import gov.keyproject.contracts.assessment.ScoreChange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's score for period p (考核得分): the applicable components with their weights rescaled to 100, then the
 * penalties, floored at 0. Everything exact; {@link #DISPLAY_SCALE} places only when shown or published.
 */
public record ScoreCard(boolean ranked, Fraction base, Fraction score, BigDecimal ytdCompleted,
                        List<Component> components, List<Penalty> penalties) {

    public static final int EVENT_SCALE = 10;

    public static final String INVESTMENT = "INVESTMENT";
    public static final String START_RESUME = "START_RESUME";
    public static final String FUNDS = "FUNDS";
    public static final String MILESTONES = "MILESTONES";
    public static final String OPEN_YELLOW = "OPEN_YELLOW_NOTICE";
    public static final String OPEN_RED = "OPEN_RED_NOTICE";
    public static final String OVERDUE = "OVERDUE_NOTICE";
    public static final String PAPER = "PAPER_PROJECT";

    /** A component: exact value (capped at 1 where the rules cap it) and the points it adds after rescaling. */
    public record Component(String name, Fraction numerator, Fraction denominator, Fraction value, int weight,
                            boolean applies, Fraction points) {
    }

    public record Penalty(String kind, int count, Fraction points) {
    }

    public static String label(String component) {
        return switch (component) {
            case INVESTMENT -> "投资完成";
            case START_RESUME -> "开复工率";
            case FUNDS -> "资金到位率";
            case MILESTONES -> "节点按期";
            case OPEN_YELLOW -> "黄色督办单";
            case OPEN_RED -> "红色督办单";
            case OVERDUE -> "督办单逾期";
            case PAPER -> "纸上项目";
            default -> component;
        };
    }

    /** The score of a unit's tally for a period whose month is {@code month} (t = month / 12). */
    public static ScoreCard of(Contribution tally, int month, ScoreRules rules) {
        List<Component> raw = new ArrayList<>();
        Fraction sumC = Fraction.of(tally.ytdCompleted());
        Fraction sumP = Fraction.of(tally.planned());
        // investment: min(ΣC / (t·ΣP), 1) with t = m/12
        Fraction investmentDenominator = sumP.multiply(new Fraction(BigInteger.valueOf(month), BigInteger.valueOf(12)));
        raw.add(component(INVESTMENT, sumC, investmentDenominator, rules.investmentWeight(), true));
        raw.add(component(START_RESUME, Fraction.of(tally.newStarted() + tally.continuedResumed()),
                Fraction.of(tally.newDue() + tally.continued()), rules.startResumeWeight(), false));
        raw.add(component(FUNDS, Fraction.of(tally.fundsArrived()), Fraction.of(tally.agreed()), rules.fundsWeight(),
                true));
        raw.add(component(MILESTONES, Fraction.of(tally.milestonesOnTime()), Fraction.of(tally.milestonesDue()),
                rules.milestonesWeight(), false));
        int weights = raw.stream().filter(Component::applies).mapToInt(Component::weight).sum();
        boolean ranked = raw.stream().anyMatch(Component::applies);
        List<Component> components = new ArrayList<>();
        Fraction base = Fraction.ZERO;
        for (Component c : raw) {
            Fraction points = c.applies() && weights > 0
                    ? c.value().multiply(Fraction.of(c.weight())).multiply(Fraction.of(100)).divide(Fraction.of(weights))
                    : Fraction.ZERO;
            base = base.add(points);
            components.add(new Component(c.name(), c.numerator(), c.denominator(), c.value(), c.weight(),
                    c.applies(), points));
        }
        List<Penalty> penalties = new ArrayList<>();
        penalty(penalties, OPEN_YELLOW, tally.openYellow(), rules.openYellowPenalty());
        penalty(penalties, OPEN_RED, tally.openRed(), rules.openRedPenalty());
        penalty(penalties, OVERDUE, tally.overdueYellow() + tally.overdueRed(), rules.overduePenalty());
        penalty(penalties, PAPER, tally.paperProjects(), rules.paperProjectPenalty());
        Fraction score = base;
        for (Penalty p : penalties) {
            score = score.subtract(p.points());
        }
        return new ScoreCard(ranked, base, score.max(Fraction.ZERO), tally.ytdCompleted(), components, penalties);
    }

    private static Component component(String name, Fraction numerator, Fraction denominator, int weight,
                                       boolean capped) {
        if (denominator.signum() == 0) {
            return new Component(name, numerator, denominator, Fraction.ZERO, weight, false, Fraction.ZERO);
        }
        Fraction value = numerator.divide(denominator);
        return new Component(name, numerator, denominator, capped ? value.min(Fraction.ONE) : value, weight, true,
                Fraction.ZERO);
    }

    private static void penalty(List<Penalty> penalties, String kind, int count, int each) {
        if (count > 0) {
            penalties.add(new Penalty(kind, count, Fraction.of((long) count * each)));
        }
    }

    public List<ComponentScore> componentScores() {
        return components.stream().map(c -> new ComponentScore(c.name(), c.numerator().toDecimal(EVENT_SCALE),
                c.denominator().toDecimal(EVENT_SCALE), c.value().toDecimal(EVENT_SCALE), c.weight(), c.applies(),
                c.points().toDecimal(EVENT_SCALE))).toList();
    }

    public List<PenaltyLine> penaltyLines() {
        return penalties.stream().map(p -> new PenaltyLine(p.kind(), p.count(), p.points().toDecimal(2))).toList();
    }

    /**
     * Why the score moved from {@code before} to this card, attributed to {@code cause} (a project or deal): one
     * line per component or penalty whose points changed, with a zh-CN text.
     */
    public List<ScoreChange> changesSince(ScoreCard before, String cause, String causeLabel) {
        Map<String, Fraction> delta = new LinkedHashMap<>();
        for (int i = 0; i < components.size(); i++) {
            Fraction old = before == null ? Fraction.ZERO : before.components.get(i).points();
            delta.put(components.get(i).name(), components.get(i).points().subtract(old));
        }
        for (String kind : List.of(OPEN_YELLOW, OPEN_RED, OVERDUE, PAPER)) {
            Fraction now = penaltyPoints(kind);
            Fraction old = before == null ? Fraction.ZERO : before.penaltyPoints(kind);
            delta.put(kind, old.subtract(now));
        }
        List<ScoreChange> changes = new ArrayList<>();
        delta.forEach((name, d) -> {
            if (d.signum() != 0) {
                BigDecimal points = d.toDecimal(EVENT_SCALE);
                String shown = d.toDecimal(2).toPlainString();
                changes.add(new ScoreChange(cause, name, points, causeLabel + "：" + label(name)
                        + (d.signum() > 0 ? " +" : " ") + shown + " 分"));
            }
        });
        return changes;
    }

    Fraction penaltyPoints(String kind) {
        return penalties.stream().filter(p -> p.kind().equals(kind)).map(Penalty::points).findFirst()
                .orElse(Fraction.ZERO);
    }
}
