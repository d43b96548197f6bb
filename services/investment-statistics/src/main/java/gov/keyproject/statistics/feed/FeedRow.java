package gov.keyproject.statistics.feed;

import gov.keyproject.statistics.figures.FeedEntry;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for one statistics feed row (投资入库), whatever it came from (a file row or a topic record), as plain
 * Java: the form of each field, amounts exact with at most 2 places and not negative, and no period after the
 * assessment period p(D). Whether the project code is known is asked of the caller ({@link #unknownCode}).
 */
public final class FeedRow {

    public static final String CODE = "projectCode";
    public static final String PERIOD = "period";
    public static final String AMOUNT = "amountEntered";

    static final int MAX_CODE_LENGTH = 64;
    /** 10^11 万元 is a trillion yuan: anything above is a typo, not a project. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999.99");

    private static final Pattern AMOUNT_FORM = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern GROUPED = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?");
    /** 2026-09, 2026/9, 2026.09, 2026年9月, optionally with a day (Excel turns "2026-09" into a date). */
    private static final Pattern MONTH = Pattern.compile(
            "([0-9]{4})\\s*[-/.年]\\s*([0-9]{1,2})\\s*(?:月|(?:[-/.]\\s*([0-9]{1,2})\\s*日?))?"
                    + "(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)?");
    private static final Pattern COMPACT_MONTH = Pattern.compile("([0-9]{4})([0-9]{2})");

    /** A problem with one field of one row; {@code row} is the row number as the file shows it (0 for a record). */
    public record Error(int row, String field, String reason) {
    }

    /** Either a valid entry or the reasons it is not one. */
    public record Result(int row, FeedEntry entry, List<Error> errors) {
        public boolean ok() {
            return entry != null;
        }
    }

    private FeedRow() {
    }

    /** p(D): the month before today. A feed row may be for p(D) or earlier, never later. */
    public static YearMonth latestPeriod(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }

    /** Checks the raw texts of a row (as read from a file, trimmed or not). */
    public static Result parse(int row, String code, String period, String amount, LocalDate today) {
        List<Error> errors = new ArrayList<>();
        String c = code(row, code, errors);
        YearMonth p = period(row, period, latestPeriod(today), errors);
        BigDecimal a = amount(row, amount, errors);
        return errors.isEmpty() ? new Result(row, new FeedEntry(c, p, a), List.of())
                : new Result(row, null, List.copyOf(errors));
    }

    /** Checks a typed record (the feed topic); the same rules as a file row. */
    public static Result check(String code, YearMonth period, BigDecimal amount, LocalDate today) {
        return parse(0, code, period == null ? null : period.toString(),
                amount == null ? null : amount.toPlainString(), today);
    }

    public static Error unknownCode(int row, String code) {
        return new Error(row, CODE, "项目代码 " + code + " 不在项目库中（未登记的项目不能入库）");
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
        return s.isEmpty() ? null : s;
    }

    private static String code(int row, String text, List<Error> errors) {
        String s = clean(text);
        if (s == null) {
            errors.add(new Error(row, CODE, "项目代码不能为空"));
            return null;
        }
        if (s.length() > MAX_CODE_LENGTH || s.chars().anyMatch(ch -> Character.isISOControl(ch) || ch == '|')) {
            errors.add(new Error(row, CODE, "不是有效的项目代码: " + abbreviate(s)));
            return null;
        }
        return s;
    }

    private static YearMonth period(int row, String text, YearMonth latest, List<Error> errors) {
        String s = clean(text);
        if (s == null) {
            errors.add(new Error(row, PERIOD, "统计期不能为空"));
            return null;
        }
        YearMonth p = parsePeriod(s);
        if (p == null) {
            errors.add(new Error(row, PERIOD, "不是有效的统计期: " + abbreviate(s) + "（应为 2026-09 或 2026年9月）"));
            return null;
        }
        if (p.isAfter(latest)) {
            errors.add(new Error(row, PERIOD, "统计期 " + p + " 是未来期间：当前最晚可入库的统计期为 " + latest));
            return null;
        }
        return p;
    }

    /** The month a text names, or null. */
    static YearMonth parsePeriod(String s) {
        Matcher m = MONTH.matcher(s);
        try {
            if (m.matches()) {
                YearMonth p = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                if (m.group(3) != null) {
                    p.atDay(Integer.parseInt(m.group(3))); // a date must exist
                }
                return p;
            }
            Matcher compact = COMPACT_MONTH.matcher(s);
            if (compact.matches()) {
                return YearMonth.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static BigDecimal amount(int row, String text, List<Error> errors) {
        String s = clean(text);
        if (s == null) {
            errors.add(new Error(row, AMOUNT, "入库金额不能为空"));
            return null;
        }
        String digits = GROUPED.matcher(s).matches() ? s.replace(",", "") : s;
        if (!AMOUNT_FORM.matcher(digits).matches()) {
            errors.add(new Error(row, AMOUNT, "不是有效的金额: " + abbreviate(s) + "（应填数字，单位万元）"));
            return null;
        }
        BigDecimal a = new BigDecimal(digits);
        if (a.signum() < 0) {
            errors.add(new Error(row, AMOUNT, "入库金额不能为负数: " + s));
            return null;
        }
        if (a.stripTrailingZeros().scale() > 2) {
            errors.add(new Error(row, AMOUNT, "入库金额最多保留 2 位小数（单位万元）: " + s));
            return null;
        }
        if (a.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new Error(row, AMOUNT, "入库金额过大: " + s + "（单位为万元，请核对）"));
            return null;
        }
        return a;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
