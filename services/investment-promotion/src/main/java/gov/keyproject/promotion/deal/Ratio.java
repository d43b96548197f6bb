package gov.keyproject.promotion.deal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An exact rate, a reduced fraction {@code numerator / denominator} (denominator &gt; 0), or absent ("—") when the
 * denominator is 0. Compared exactly; rounded half-up only for display (to 0.01 %).
 */
public record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

    public static final Ratio ABSENT = new Ratio(BigInteger.ZERO, BigInteger.ZERO);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Ratio {
        if (denominator.signum() < 0) {
            throw new IllegalArgumentException("negative denominator");
        }
        if (denominator.signum() == 0) {
            numerator = BigInteger.ZERO;
        } else {
            BigInteger g = numerator.gcd(denominator);
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
    }

    public static Ratio of(long numerator, long denominator) {
        return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** The exact fraction of two decimals (e.g. 万元 sums); absent when {@code denominator} is zero. */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return ABSENT;
        }
        int scale = Math.max(Math.max(numerator.scale(), denominator.scale()), 0);
        return new Ratio(numerator.setScale(scale).unscaledValue(), denominator.setScale(scale).unscaledValue());
    }

    public boolean isAbsent() {
        return denominator.signum() == 0;
    }

    /** The value with {@code scale} decimals, rounded half-up; empty when absent. */
    public Optional<BigDecimal> value(int scale) {
        if (isAbsent()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP));
    }

    /** The percentage rounded half-up to 0.01 (e.g. 66.67 for 2/3); empty when absent. */
    public Optional<BigDecimal> percent() {
        if (isAbsent()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(numerator).multiply(HUNDRED)
                .divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP));
    }

    /** For display: "66.67%", or "—" when absent. */
    public String display() {
        return percent().map(p -> p.toPlainString() + "%").orElse("—");
    }

    /** Exact comparison; an absent rate sorts below every present one. */
    @Override
    public int compareTo(Ratio o) {
        if (isAbsent() || o.isAbsent()) {
            return Boolean.compare(!isAbsent(), !o.isAbsent());
        }
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return isAbsent() ? "—" : numerator + "/" + denominator;
    }
}
