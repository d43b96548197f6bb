package gov.keyproject.promotion.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Input rules of the deal domain: texts, amounts (万元, at most 2 decimals) and dates. */
public final class Texts {

    /** Largest amount accepted, in 万元 (one trillion yuan): anything above is a typing error. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    /** Earliest date accepted anywhere. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private Texts() {
    }

    /** A required text: not blank, at most {@code max} characters, no control characters, no MongoDB operators. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new DealRuleViolation(field, "不能为空");
        }
        return optional(field, value, max);
    }

    /** An optional text: null or blank becomes null; otherwise as {@link #required}. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DealRuleViolation(field, "不能超过 " + max + " 个字符");
        }
        if (CONTROL.matcher(v).find()) {
            throw new DealRuleViolation(field, "含有不允许的控制字符");
        }
        if (v.startsWith("$") || v.contains("{$") || v.contains("\"$")) {
            throw new DealRuleViolation(field, "含有不允许的 $ 操作符");
        }
        return v;
    }

    /** An amount in 万元: present, not negative, at most 2 decimals, not absurdly large; returned at scale 2. */
    public static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw new DealRuleViolation(field, "不能为空");
        }
        if (value.signum() < 0) {
            throw new DealRuleViolation(field, "金额不能为负数");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new DealRuleViolation(field, "金额最多保留 2 位小数 (万元)");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw new DealRuleViolation(field, "金额超出合理范围 (万元)");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** As {@link #amount} and greater than zero. */
    public static BigDecimal positiveAmount(String field, BigDecimal value) {
        BigDecimal v = amount(field, value);
        if (v.signum() == 0) {
            throw new DealRuleViolation(field, "金额必须大于 0");
        }
        return v;
    }

    /** A date that happened: present, not after today, not before 2000, not before {@code notBefore} (if any). */
    public static LocalDate pastDate(String field, LocalDate value, LocalDate today, LocalDate notBefore,
                                     String notBeforeWhat) {
        if (value == null) {
            throw new DealRuleViolation(field, "不能为空");
        }
        if (value.isAfter(today)) {
            throw new DealRuleViolation(field, "日期不能晚于今天 " + today);
        }
        if (value.isBefore(EARLIEST)) {
            throw new DealRuleViolation(field, "日期须在 2000 年之后");
        }
        if (notBefore != null && value.isBefore(notBefore)) {
            throw new DealRuleViolation(field, "日期不能早于" + notBeforeWhat + " " + notBefore);
        }
        return value;
    }
}
