package gov.keyproject.registry.project;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Input rules shared by the registry's domain: text fields and amounts (万元, at most 2 decimals). */
public final class Texts {

    /** Largest amount accepted, in 万元 (one trillion yuan): anything above is a typing error. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private Texts() {
    }

    /** A required text: not blank, at most {@code max} characters, no control characters, no MongoDB operators. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ProjectRuleViolation(field, "不能为空");
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
            throw new ProjectRuleViolation(field, "不能超过 " + max + " 个字符");
        }
        if (CONTROL.matcher(v).find()) {
            throw new ProjectRuleViolation(field, "含有不允许的控制字符");
        }
        if (v.startsWith("$") || v.contains("{$") || v.contains("\"$")) {
            throw new ProjectRuleViolation(field, "含有不允许的 $ 操作符");
        }
        return v;
    }

    /** An amount in 万元: present, not negative, at most 2 decimals, not absurdly large. */
    public static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw new ProjectRuleViolation(field, "不能为空");
        }
        if (value.signum() < 0) {
            throw new ProjectRuleViolation(field, "金额不能为负数");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new ProjectRuleViolation(field, "金额最多保留 2 位小数 (万元)");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw new ProjectRuleViolation(field, "金额超出合理范围 (万元)");
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
