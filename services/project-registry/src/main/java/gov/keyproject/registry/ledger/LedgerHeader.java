package gov.keyproject.registry.ledger;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static gov.keyproject.registry.ledger.LedgerColumn.CODE;
import static gov.keyproject.registry.ledger.LedgerColumn.NAME;

/**
 * The header row of an uploaded ledger: which column holds which field, as the file's own header text names it.
 * Columns the file lacks are left as they are on projects already registered.
 */
record LedgerHeader(int rowNumber, Map<Integer, LedgerColumn> fixed, Map<Integer, String> years,
                    Map<LedgerColumn, String> texts, Map<String, String> yearTexts) {

    Set<LedgerColumn> present() {
        return texts.keySet();
    }

    /** The column a violation of {@code field} (a ProjectData or registration field) is reported under. */
    String columnFor(String field) {
        if (field.startsWith("plannedInvestment.")) {
            String year = field.substring("plannedInvestment.".length());
            return yearTexts.getOrDefault(year, LedgerColumn.yearHeader(year));
        }
        if (field.equals("plannedInvestment")) {
            return columnOf(LedgerColumn.TOTAL_INVESTMENT); // the yearly plans add up to more than the total
        }
        return LedgerColumn.byField(field).map(this::columnOf).orElse(field);
    }

    String columnOf(LedgerColumn column) {
        return texts.getOrDefault(column, column.header);
    }

    /**
     * Reads a candidate header row; empty when the row is not the header (it must name 项目代码 and 项目名称).
     *
     * @throws LedgerFileRejected when it is the header but repeats a column or lacks a required one
     */
    static Optional<LedgerHeader> detect(int rowNumber, Map<Integer, XlsxRows.Cell> cells) {
        Map<Integer, LedgerColumn> fixed = new LinkedHashMap<>();
        Map<Integer, String> years = new LinkedHashMap<>();
        Map<LedgerColumn, String> texts = new EnumMap<>(LedgerColumn.class);
        Map<String, String> yearTexts = new LinkedHashMap<>();
        Map<Integer, String> raw = new LinkedHashMap<>();
        cells.forEach((col, cell) -> {
            if (cell instanceof XlsxRows.Text t && !t.value().isBlank()) {
                raw.put(col, t.value().strip());
            }
        });
        boolean hasCode = raw.values().stream().anyMatch(t -> LedgerColumn.byHeader(t).orElse(null) == CODE);
        boolean hasName = raw.values().stream().anyMatch(t -> LedgerColumn.byHeader(t).orElse(null) == NAME);
        if (!hasCode || !hasName) {
            return Optional.empty();
        }
        raw.forEach((col, text) -> {
            LedgerColumn column = LedgerColumn.byHeader(text).orElse(null);
            if (column != null) {
                if (texts.containsKey(column)) {
                    throw new LedgerFileRejected("第 " + rowNumber + " 行表头中“" + column.header + "”列重复");
                }
                fixed.put(col, column);
                texts.put(column, text);
                return;
            }
            LedgerColumn.planYear(text).ifPresent(year -> {
                if (yearTexts.containsKey(year)) {
                    throw new LedgerFileRejected("第 " + rowNumber + " 行表头中“" + LedgerColumn.yearHeader(year)
                            + "”列重复");
                }
                years.put(col, year);
                yearTexts.put(year, text);
            }); // any other column (序号, 备注…) is ignored
        });
        String missing = Arrays.stream(LedgerColumn.values()).filter(c -> c.required)
                .filter(c -> !texts.containsKey(c)).map(c -> "“" + c.header + "”")
                .collect(Collectors.joining("、"));
        if (!missing.isEmpty()) {
            throw new LedgerFileRejected("第 " + rowNumber + " 行表头缺少必需的列: " + missing + "，请使用导入模板");
        }
        return Optional.of(new LedgerHeader(rowNumber, fixed, years, texts, yearTexts));
    }
}
