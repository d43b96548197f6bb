package gov.keyproject.statistics.figures;

import java.math.BigDecimal;
import java.util.Objects;

/** Checks on input amounts in 万元 (DOMAIN §0: exact decimals with at most 2 places). */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal checked(String what, BigDecimal amount) {
        Objects.requireNonNull(amount, what);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(what + " has more than 2 decimal places: " + amount.toPlainString());
        }
        return amount;
    }
}
