package gov.keyproject.registry.ledger;

import gov.keyproject.contracts.project.ProjectPhase;
import gov.keyproject.registry.ledger.XlsxRows.Cell;
import gov.keyproject.registry.project.ProjectData;
import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 台账 layout from a sheet's rows: finds the header row among the first rows (titles above it are
 * skipped), then converts each non-blank row below it. Only the form of a cell is checked here (is it a number,
 * a date, a known label); the project rules stay with ProjectData and Project.
 */
final class LedgerParser implements XlsxRows.RowSink {

    static final int HEADER_SEARCH_ROWS = 20;
    /** Excel shows and computes 15 significant digits: a stored 5200.5550000000003 is the 5200.555 the user typed. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final Pattern AMOUNT = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern GROUPED = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?");
    private static final Pattern DATE = Pattern.compile(
            "([0-9]{4})\\s*[-/.年]\\s*([0-9]{1,2})\\s*[-/.月]\\s*([0-9]{1,2})\\s*日?"
                    + "(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");

    record Parsed(LedgerHeader header, List<LedgerRow> rows) {
    }

    private final int maxRows;
    private final List<LedgerRow> rows = new ArrayList<>();
    private LedgerHeader header;
    private boolean anyValue;

    LedgerParser(int maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public void row(int rowNumber, Map<Integer, Cell> cells) {
        if (header == null) {
            anyValue |= cells.values().stream().anyMatch(c -> !blank(c));
            if (rowNumber > HEADER_SEARCH_ROWS) {
                throw missingHeader();
            }
            header = LedgerHeader.detect(rowNumber, cells).orElse(null);
            return;
        }
        LedgerRow row = read(rowNumber, cells);
        if (row == null) {
            return;
        }
        if (rows.size() == maxRows) {
            throw new LedgerFileRejected("数据超过 " + maxRows + " 行的上限，请拆分为多个文件分批导入");
        }
        rows.add(row);
    }

    Parsed finish() {
        if (header == null) {
            throw anyValue ? missingHeader() : new LedgerFileRejected("工作簿为空：第一个工作表中没有任何内容");
        }
        if (rows.isEmpty()) {
            throw new LedgerFileRejected("表头（第 " + header.rowNumber() + " 行）下没有项目数据");
        }
        return new Parsed(header, List.copyOf(rows));
    }

    private LedgerFileRejected missingHeader() {
        return new LedgerFileRejected("未找到表头：前 " + HEADER_SEARCH_ROWS
                + " 行中没有同时包含“项目代码”和“项目名称”的行，请使用导入模板");
    }

    /** The row's cells in the file's columns; null when they are all blank (pre-numbered 序号 rows, spacing). */
    private LedgerRow read(int rowNumber, Map<Integer, Cell> cells) {
        Map<LedgerColumn, Cell> fixed = new EnumMap<>(LedgerColumn.class);
        Map<String, Cell> years = new LinkedHashMap<>();
        header.fixed().forEach((col, column) -> {
            Cell c = cells.get(col);
            if (c != null && !blank(c)) {
                fixed.put(column, c);
            }
        });
        header.years().forEach((col, year) -> {
            Cell c = cells.get(col);
            if (c != null && !blank(c)) {
                years.put(year, c);
            }
        });
        if (fixed.isEmpty() && years.isEmpty()) {
            return null;
        }
        RowReader r = new RowReader(fixed);
        String code = r.text(LedgerColumn.CODE);
        if (code == null && !r.failed(LedgerColumn.CODE)) {
            r.error(header.columnOf(LedgerColumn.CODE), "不能为空");
        }
        Map<String, BigDecimal> plans = new LinkedHashMap<>();
        header.years().values().forEach(year -> plans.put(year,
                r.amount(header.yearTexts().get(year), years.get(year))));
        ProjectData file = new ProjectData(
                r.text(LedgerColumn.NAME),
                r.label(LedgerColumn.CATEGORY, LedgerLabels.CATEGORY),
                r.label(LedgerColumn.LEVEL, LedgerLabels.LEVEL),
                r.label(LedgerColumn.CONSTRUCTION_TYPE, LedgerLabels.CONSTRUCTION_TYPE),
                r.amount(header.columnOf(LedgerColumn.TOTAL_INVESTMENT), fixed.get(LedgerColumn.TOTAL_INVESTMENT)),
                null,
                r.date(LedgerColumn.PLANNED_START),
                r.date(LedgerColumn.PLANNED_COMPLETION),
                r.text(LedgerColumn.TOWNSHIP),
                null, null,
                r.text(LedgerColumn.UNIT),
                r.text(LedgerColumn.LINKED_LEADER),
                r.text(LedgerColumn.OWNER));
        ProjectPhase phase = r.label(LedgerColumn.PHASE, LedgerLabels.PHASE);
        LocalDate startDate = r.date(LedgerColumn.START_DATE);
        return new LedgerRow(rowNumber, code, file, plans, phase, startDate, header.present(),
                List.copyOf(r.errors));
    }

    private static boolean blank(Cell c) {
        return c instanceof XlsxRows.Text t && clean(t.value()) == null;
    }

    /** Trimmed text, null when blank; Excel pastes from the web bring non-breaking spaces. */
    static String clean(String text) {
        String s = text.replace('\u00A0', ' ').strip();
        return s.isEmpty() ? null : s;
    }

    static BigDecimal decimal(double value) {
        BigDecimal d = new BigDecimal(value).round(EXCEL_DIGITS).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** Converts the cells of one row, collecting every unreadable cell rather than stopping at the first. */
    private final class RowReader {
        private final Map<LedgerColumn, Cell> cells;
        private final List<LedgerRow.CellError> errors = new ArrayList<>();
        private final List<String> failedColumns = new ArrayList<>();

        RowReader(Map<LedgerColumn, Cell> cells) {
            this.cells = cells;
        }

        void error(String column, String reason) {
            errors.add(new LedgerRow.CellError(column, reason));
            failedColumns.add(column);
        }

        boolean failed(LedgerColumn column) {
            return failedColumns.contains(header.columnOf(column));
        }

        String text(LedgerColumn column) {
            Cell c = cells.get(column);
            if (c instanceof XlsxRows.Text t) {
                return clean(t.value());
            }
            if (c instanceof XlsxRows.Number n) {
                return Double.isFinite(n.value()) ? decimal(n.value()).toPlainString() : null;
            }
            if (c instanceof XlsxRows.Failure f) {
                return failure(header.columnOf(column), f);
            }
            return null;
        }

        BigDecimal amount(String column, Cell c) {
            if (c instanceof XlsxRows.Number n) {
                return Double.isFinite(n.value()) ? decimal(n.value()) : invalid(column, "不是有效的金额");
            }
            if (c instanceof XlsxRows.Failure f) {
                return failure(column, f);
            }
            if (c instanceof XlsxRows.Text t) {
                String s = clean(t.value());
                if (s != null && GROUPED.matcher(s).matches()) {
                    s = s.replace(",", "");
                }
                if (s == null || !AMOUNT.matcher(s).matches()) {
                    return invalid(column, "不是有效的金额: " + t.value().strip() + "（应填数字，单位万元）");
                }
                return new BigDecimal(s);
            }
            return null;
        }

        LocalDate date(LedgerColumn column) {
            String name = header.columnOf(column);
            Cell c = cells.get(column);
            if (c instanceof XlsxRows.Failure f) {
                return failure(name, f);
            }
            if (c instanceof XlsxRows.Text t) {
                String s = clean(t.value());
                Matcher m = DATE.matcher(s);
                return date(name, s, m.matches() ? m : COMPACT_DATE.matcher(s));
            }
            if (c instanceof XlsxRows.Number n) {
                double v = n.value();
                if (n.dateFormatted() && DateUtil.isValidExcelDate(v)) {
                    return DateUtil.getLocalDateTime(v, n.date1904()).toLocalDate();
                }
                if (!n.dateFormatted() && v == Math.rint(v) && v >= 10_000_000 && v <= 99_999_999) {
                    String digits = String.valueOf((long) v); // 20260301 typed as a number
                    return date(name, digits, COMPACT_DATE.matcher(digits));
                }
                // A bare serial (46082) is refused: without a date format nobody can tell what the user meant.
                return invalid(name, "不是有效的日期: " + (Double.isFinite(v) ? decimal(v).toPlainString() : "")
                        + "（请设为日期格式，或填写 2026-03-01 样式的文本）");
            }
            return null;
        }

        private LocalDate date(String column, String text, Matcher m) {
            if (!m.matches()) {
                return invalid(column, "不是有效的日期: " + text + "（应为 Excel 日期或 2026-03-01 样式的文本）");
            }
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                return invalid(column, "日期不存在: " + text);
            }
        }

        <E extends Enum<E>> E label(LedgerColumn column, LedgerLabels<E> labels) {
            String name = header.columnOf(column);
            Cell c = cells.get(column);
            if (c instanceof XlsxRows.Failure f) {
                return failure(name, f);
            }
            String s = text(column);
            if (s == null) {
                return null;
            }
            return labels.parse(s).orElseGet(() -> invalid(name, "无法识别的" + column.header + ": " + s
                    + "（可填: " + String.join("、", labels.choiceLabels()) + "）"));
        }

        private <T> T failure(String column, XlsxRows.Failure f) {
            return invalid(column, "单元格为错误值 " + f.code());
        }

        private <T> T invalid(String column, String reason) {
            error(column, reason);
            return null;
        }
    }
}
