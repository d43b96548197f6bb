package gov.keyproject.statistics.figures;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate (率) such as 完成率, 开工率 or 同比增长, or a difference of rates such as the lag d: either an exact fraction or
 * absent. A rate whose denominator is zero is absent and shows "—", never 0 % or 100 % (DOMAIN §3).
 *
 * <p>The value is kept as a reduced fraction of integers, so comparisons and differences are exact (1/3 is not
 * 0.3333…); rounding happens only in {@link #display()} and {@link #displayPoints()}. Equal fractions are equal
 * rates: 1/2, 2/4 and 0.5/1 are the same {@code Rate}.
 */
public final class Rate implements Comparable<Rate> {

    /** Shown for an absent rate. */
    public static final String ABSENT_TEXT = "—";

    private static final Rate ABSENT = new Rate(null, null);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    // Both null when absent; otherwise reduced, denominator > 0.
    private final BigInteger numerator;
    private final BigInteger denominator;

    private Rate(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** numerator / denominator, absent when the denominator is zero. */
    public static Rate of(BigDecimal numerator, BigDecimal denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            return ABSENT;
        }
        // Bring both to one non-negative scale so the unscaled values form the same fraction.
        int scale = Math.max(0, Math.max(numerator.scale(), denominator.scale()));
        return reduced(numerator.setScale(scale).unscaledValue(), denominator.setScale(scale).unscaledValue());
    }

    /** numerator / denominator, absent when the denominator is zero. */
    public static Rate of(long numerator, long denominator) {
        return denominator == 0 ? ABSENT : reduced(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** The rate with no value (zero denominator). */
    public static Rate absent() {
        return ABSENT;
    }

    private static Rate reduced(BigInteger n, BigInteger d) {
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        BigInteger g = n.gcd(d); // gcd(0, d) = d, so zero becomes 0/1
        return new Rate(n.divide(g), d.divide(g));
    }

    public boolean isPresent() {
        return numerator != null;
    }

    public boolean isAbsent() {
        return numerator == null;
    }

    /** The value as a decimal (34 significant digits), for storage or charts; compare {@code Rate}s instead. */
    public Optional<BigDecimal> value() {
        return isAbsent() ? Optional.empty()
                : Optional.of(new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128));
    }

    /** The value in percent (or percentage points for a difference), 34 significant digits. */
    public Optional<BigDecimal> percent() {
        return isAbsent() ? Optional.empty()
                : Optional.of(new BigDecimal(numerator.multiply(HUNDRED))
                        .divide(new BigDecimal(denominator), MathContext.DECIMAL128));
    }

    /** this − other, exact; absent when either is absent. The lag d = c − t is built this way. */
    public Rate minus(Rate other) {
        if (isAbsent() || other.isAbsent()) {
            return ABSENT;
        }
        return reduced(numerator.multiply(other.denominator).subtract(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /**
     * Exact order of two present rates.
     *
     * @throws IllegalStateException when either is absent: an absent rate has no place in an order, the caller decides
     */
    @Override
    public int compareTo(Rate other) {
        if (isAbsent() || other.isAbsent()) {
            throw new IllegalStateException("an absent rate (—) cannot be compared");
        }
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** As a percentage rounded half-up to 0.01, e.g. "43.81%", "-5.64%", or "—" when absent. */
    public String display() {
        return isAbsent() ? ABSENT_TEXT : roundedPercent() + "%";
    }

    /** As percentage points rounded half-up to 0.01 (for the lag d), e.g. "-6.19", or "—" when absent. */
    public String displayPoints() {
        return isAbsent() ? ABSENT_TEXT : roundedPercent().toPlainString();
    }

    private BigDecimal roundedPercent() {
        // divide(…, scale, HALF_UP) rounds the exact quotient once; HALF_UP rounds halves away from zero (四舍五入).
        return new BigDecimal(numerator.multiply(HUNDRED)).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rate r && Objects.equals(numerator, r.numerator) && Objects.equals(denominator, r.denominator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numerator, denominator);
    }

    @Override
    public String toString() {
        return isAbsent() ? ABSENT_TEXT : numerator + "/" + denominator + " (" + display() + ")";
    }
}
