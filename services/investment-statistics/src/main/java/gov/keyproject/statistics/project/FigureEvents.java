package gov.keyproject.statistics.project;

import gov.keyproject.contracts.statistics.FigureValues;
import gov.keyproject.statistics.figures.GroupFigures;
import gov.keyproject.statistics.figures.ProjectFigures;
import gov.keyproject.statistics.figures.Rate;
import gov.keyproject.statistics.figures.Tally;

import java.math.BigDecimal;

/** Turns computed figures into the contract's values (exact decimals; null for a rate without a denominator). */
public final class FigureEvents {

    private FigureEvents() {
    }

    public static FigureValues values(ProjectFigures p) {
        return new FigureValues(p.counted() ? 1 : 0, p.planned(), p.monthCompleted(), p.ytdCompleted(),
                value(p.completionRate()), value(p.timeProgress()), value(p.lag()), p.ytdEntered(),
                p.startTally().numerator(), p.startTally().denominator(), p.resumeTally().numerator(),
                p.resumeTally().denominator(), p.completedTally().numerator(), p.completedTally().denominator());
    }

    public static FigureValues values(GroupFigures g) {
        Tally start = g.start();
        Tally resume = g.resume();
        Tally completed = g.completed();
        return new FigureValues(g.projectsCounted(), g.planned(), g.monthCompleted(), g.ytdCompleted(),
                value(g.completionRate()), value(g.timeProgress()), value(g.lag()), g.ytdEntered(),
                start.numerator(), start.denominator(), resume.numerator(), resume.denominator(),
                completed.numerator(), completed.denominator());
    }

    private static BigDecimal value(Rate rate) {
        return rate.value().orElse(null);
    }
}
