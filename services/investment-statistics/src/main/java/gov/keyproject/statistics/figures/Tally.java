package gov.keyproject.statistics.figures;

/**
 * The counts behind a project-count rate (开工率, 复工率, 开复工率, 竣工率, 入库率): how many projects meet the condition
 * out of how many are due. Kept next to the rate so a unit can see which projects moved it.
 */
public record Tally(int numerator, int denominator) {

    public static final Tally NONE = new Tally(0, 0);

    public Tally {
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("tally must satisfy 0 ≤ numerator ≤ denominator: " + numerator + "/"
                    + denominator);
        }
    }

    /** One project: in the denominator when {@code due}, in the numerator when also {@code met}. */
    static Tally of(boolean due, boolean met) {
        return due ? new Tally(met ? 1 : 0, 1) : NONE;
    }

    public Tally plus(Tally other) {
        return new Tally(numerator + other.numerator, denominator + other.denominator);
    }

    /** numerator / denominator; absent ("—") when nothing is due. */
    public Rate rate() {
        return Rate.of(numerator, denominator);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
