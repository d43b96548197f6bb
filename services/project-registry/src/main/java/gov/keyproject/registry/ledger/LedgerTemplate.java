package gov.keyproject.registry.ledger;

import gov.keyproject.contracts.UnitKind;
import gov.keyproject.registry.unit.Unit;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The import template in the usual 台账 layout: title row, Chinese header row, one example row, drop-down lists for
 * the enum columns, a 填写说明 sheet and the registered 责任单位 for reference. The first sheet is the one imported.
 */
final class LedgerTemplate {

    static final String FILE_NAME = "重点项目台账导入模板.xlsx";
    static final String TITLE = "重点项目台账导入模板";
    static final String SHEET = "项目台账";
    static final String UNITS_SHEET = "责任单位";
    static final int TITLE_ROWS = 1;
    private static final Map<UnitKind, String> UNIT_KINDS = Map.of(UnitKind.TOWNSHIP, "乡镇/街道",
            UnitKind.DEPARTMENT, "部门", UnitKind.DEVELOPMENT_ZONE, "开发区/园区");

    private LedgerTemplate() {
    }

    /** The header row for a template made in {@code year}: plans for this year and the next. */
    static List<String> headers(int year) {
        List<String> h = new ArrayList<>();
        for (LedgerColumn c : LedgerColumn.values()) {
            h.add(c.header);
            if (c == LedgerColumn.TOTAL_INVESTMENT) {
                h.add(LedgerColumn.yearHeader(Integer.toString(year)));
                h.add(LedgerColumn.yearHeader(Integer.toString(year + 1)));
            }
        }
        return h;
    }

    static byte[] build(int year, List<Unit> units, int maxRows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Sheet sheet = wb.createSheet(SHEET);
            List<String> headers = headers(year);
            int last = headers.size() - 1;
            int firstData = TITLE_ROWS + 1;
            int lastData = firstData + maxRows - 1;

            Row title = sheet.createRow(0);
            title.setHeightInPoints(30);
            cell(title, 0, TITLE, styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));

            Row header = sheet.createRow(TITLE_ROWS);
            header.setHeightInPoints(32);
            for (int i = 0; i < headers.size(); i++) {
                LedgerColumn column = LedgerColumn.byHeader(headers.get(i)).orElse(null);
                cell(header, i, headers.get(i), column != null && column.required ? styles.required : styles.header);
                sheet.setColumnWidth(i, width(column));
                if (column == LedgerColumn.CODE || column == LedgerColumn.UNIT) {
                    sheet.setDefaultColumnStyle(i, styles.text); // keep codes such as 000123 as typed
                } else if (column == LedgerColumn.PLANNED_START || column == LedgerColumn.PLANNED_COMPLETION
                        || column == LedgerColumn.START_DATE) {
                    sheet.setDefaultColumnStyle(i, styles.date);
                }
            }
            example(sheet.createRow(firstData), year, units, styles);
            sheet.createFreezePane(1, TITLE_ROWS + 1);
            sheet.setAutoFilter(new CellRangeAddress(TITLE_ROWS, TITLE_ROWS, 0, last));

            DataValidationHelper dv = sheet.getDataValidationHelper();
            list(sheet, dv, headers.indexOf(LedgerColumn.CATEGORY.header), firstData, lastData, LedgerLabels.CATEGORY);
            list(sheet, dv, headers.indexOf(LedgerColumn.LEVEL.header), firstData, lastData, LedgerLabels.LEVEL);
            list(sheet, dv, headers.indexOf(LedgerColumn.CONSTRUCTION_TYPE.header), firstData, lastData,
                    LedgerLabels.CONSTRUCTION_TYPE);
            list(sheet, dv, headers.indexOf(LedgerColumn.PHASE.header), firstData, lastData, LedgerLabels.PHASE);
            int total = headers.indexOf(LedgerColumn.TOTAL_INVESTMENT.header);
            DataValidation amounts = dv.createValidation(
                    dv.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                    new CellRangeAddressList(firstData, lastData, total, total + 2));
            amounts.setShowErrorBox(true);
            amounts.createErrorBox("金额有误", "金额须为不小于 0 的数字，单位万元，最多 2 位小数");
            sheet.addValidationData(amounts);

            instructions(wb.createSheet("填写说明"), year, maxRows, styles);
            unitSheet(wb, units, styles);
            if (!units.isEmpty()) {
                // Suggest the registered units, but let a unit registered after the download be typed in.
                int col = headers.indexOf(LedgerColumn.UNIT.header);
                DataValidation unit = dv.createValidation(dv.createFormulaListConstraint(
                        "'" + UNITS_SHEET + "'!$A$2:$A$" + (units.size() + 1)),
                        new CellRangeAddressList(firstData, lastData, col, col));
                unit.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
                unit.setErrorStyle(DataValidation.ErrorStyle.WARNING);
                unit.setShowErrorBox(true);
                unit.createErrorBox("责任单位", "该编码不在“责任单位”表中，导入时须为已登记的单位编码");
                sheet.addValidationData(unit);
            }
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void example(Row row, int year, List<Unit> units, Styles s) {
        int i = 0;
        cell(row, i++, year + "-370103-48-01-000123", s.exampleText);
        cell(row, i++, "城东新能源电池产业园一期", s.example);
        cell(row, i++, "产业", s.example);
        cell(row, i++, "市重点", s.example);
        cell(row, i++, "新建", s.example);
        number(row, i++, 52000, s.example);
        number(row, i++, 18000, s.example);
        number(row, i++, 34000, s.example);
        date(row, i++, LocalDate.of(year, 3, 1), s.exampleDate);
        date(row, i++, LocalDate.of(year + 1, 12, 31), s.exampleDate);
        cell(row, i++, "城关镇", s.example);
        cell(row, i++, units.isEmpty() ? "ZN-01" : units.get(0).code(), s.exampleText);
        cell(row, i++, "李副县长", s.example);
        cell(row, i++, "某某新能源有限公司", s.example);
        cell(row, i++, "拟开工", s.example);
        row.createCell(i).setCellStyle(s.exampleDate); // 实际开工日期: only for 在建 and later
    }

    private static void instructions(Sheet sheet, int year, int maxRows, Styles s) {
        String[] lines = {
                "填写说明",
                "1. 第 1 行为标题，第 2 行为表头，请勿修改表头文字；从第 3 行起每行填写一个项目。第 3 行为示例，正式导入前请替换或删除。",
                "2. 必填列（表头红字）：项目代码、项目名称、项目类别、项目级别、建设性质、总投资(万元)、责任单位编码。",
                "3. 项目代码为 4–40 位大写字母、数字或连字符，如 " + year + "-370103-48-01-000123；"
                        + "已登记的项目再次导入即按表中内容更新台账信息，内容相同则不作任何改动。",
                "4. 金额单位为万元，不能为负数，最多保留 2 位小数；各年度计划投资之和不能超过总投资。"
                        + "可按需增加“2028年计划投资(万元)”等年度列，表中没有的年度保持原值。",
                "5. 日期可填 Excel 日期，或 " + year + "-03-01 样式的文本。",
                "6. 项目类别：" + String.join("、", LedgerLabels.CATEGORY.choiceLabels())
                        + "；项目级别：" + String.join("、", LedgerLabels.LEVEL.choiceLabels())
                        + "；建设性质：" + String.join("、", LedgerLabels.CONSTRUCTION_TYPE.choiceLabels()) + "。",
                "7. 项目阶段：" + String.join("、", LedgerLabels.PHASE.choiceLabels())
                        + "，不填为储备；在建、竣工、投产阶段须填写实际开工日期。"
                        + "项目阶段和实际开工日期只在首次登记时使用，已登记项目的阶段变更请通过阶段变更办理。",
                "8. 责任单位编码须为已登记的单位编码，见“" + UNITS_SHEET + "”表。",
                "9. 每个文件最多 " + maxRows + " 行项目。有误的行不导入，导入结果会列出其行号、列名和原因，其余行照常导入；"
                        + "改正后可将整个文件重新导入。",
        };
        sheet.setColumnWidth(0, 120 * 256);
        for (int i = 0; i < lines.length; i++) {
            cell(sheet.createRow(i), 0, lines[i], i == 0 ? s.title : s.wrap);
        }
    }

    private static void unitSheet(XSSFWorkbook wb, List<Unit> units, Styles s) {
        Sheet sheet = wb.createSheet(UNITS_SHEET);
        Row header = sheet.createRow(0);
        cell(header, 0, "单位编码", s.header);
        cell(header, 1, "单位名称", s.header);
        cell(header, 2, "单位类型", s.header);
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 36 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            Row row = sheet.createRow(i + 1);
            cell(row, 0, u.code(), s.text);
            cell(row, 1, u.name(), null);
            cell(row, 2, UNIT_KINDS.get(u.kind()), null);
        }
    }

    private static <E extends Enum<E>> void list(Sheet sheet, DataValidationHelper dv, int col, int first, int last,
                                                 LedgerLabels<E> labels) {
        DataValidation v = dv.createValidation(dv.createExplicitListConstraint(labels.choiceLabels()),
                new CellRangeAddressList(first, last, col, col));
        v.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        v.setShowErrorBox(true);
        v.createErrorBox("输入有误", "请从下拉列表中选择：" + String.join("、", labels.choiceLabels()));
        sheet.addValidationData(v);
    }

    private static int width(LedgerColumn column) {
        if (column == null) {
            return 16 * 256; // yearly plans
        }
        return switch (column) {
            case CODE -> 28 * 256;
            case NAME, OWNER -> 30 * 256;
            case TOTAL_INVESTMENT, PLANNED_START, PLANNED_COMPLETION, START_DATE, UNIT -> 15 * 256;
            default -> 12 * 256;
        };
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static void date(Row row, int col, LocalDate value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle required;
        final CellStyle text;
        final CellStyle date;
        final CellStyle wrap;
        final CellStyle example;
        final CellStyle exampleText;
        final CellStyle exampleDate;

        Styles(XSSFWorkbook wb) {
            short textFormat = wb.createDataFormat().getFormat("@");
            short dateFormat = wb.createDataFormat().getFormat("yyyy-mm-dd");

            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            Font bold = wb.createFont();
            bold.setBold(true);
            header = headerStyle(wb, bold);
            Font red = wb.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.RED.getIndex());
            required = headerStyle(wb, red);

            text = wb.createCellStyle();
            text.setDataFormat(textFormat);
            date = wb.createCellStyle();
            date.setDataFormat(dateFormat);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            example = wb.createCellStyle();
            example.setFont(grey);
            exampleText = wb.createCellStyle();
            exampleText.setFont(grey);
            exampleText.setDataFormat(textFormat);
            exampleDate = wb.createCellStyle();
            exampleDate.setFont(grey);
            exampleDate.setDataFormat(dateFormat);
        }

        private static CellStyle headerStyle(XSSFWorkbook wb, Font font) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setAlignment(HorizontalAlignment.CENTER);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
