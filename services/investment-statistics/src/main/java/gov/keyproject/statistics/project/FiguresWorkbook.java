package gov.keyproject.statistics.project;

import gov.keyproject.statistics.figures.Dimension;
import gov.keyproject.statistics.figures.EnteredInvestment;
import gov.keyproject.statistics.figures.GroupFigures;
import gov.keyproject.statistics.figures.InvestmentFigures;
import gov.keyproject.statistics.figures.ProjectFacts;
import gov.keyproject.statistics.figures.ProjectFigures;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The period's statistics table as an office prints it (重点项目投资完成情况统计表): a summary, one sheet per grouping
 * (unit, township, category, level) and the project list; landscape A4, header rows repeated on every page.
 */
final class FiguresWorkbook {

    private static final Map<Dimension, String> SHEETS = Map.of(Dimension.UNIT, "按责任单位",
            Dimension.TOWNSHIP, "按乡镇", Dimension.CATEGORY, "按类别", Dimension.LEVEL, "按级别");
    private static final String[] GROUP_HEADER = {"序号", "名称", "纳入统计项目数", "年度计划投资(万元)", "本年累计完成(万元)",
            "投资完成率", "时序进度", "超/滞后(百分点)", "同比增长", "开工率", "复工率", "开复工率", "竣工率", "入库率",
            "入库差额(万元)"};
    private static final String[] PROJECT_HEADER = {"序号", "项目代码", "责任单位", "纳入统计", "年度计划投资(万元)",
            "本月完成(万元)", "本年累计完成(万元)", "投资完成率", "时序进度", "超/滞后(百分点)", "本年累计入库(万元)"};

    private FiguresWorkbook() {
    }

    static byte[] write(InvestmentFigures figures, List<ProjectFacts> facts, EnteredInvestment entered)
            throws IOException {
        YearMonth p = figures.period();
        String title = p.getYear() + "年" + p.getMonthValue() + "月重点项目投资完成情况统计表";
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Sheet summary = sheet(wb, "汇总", title + "（全部）", GROUP_HEADER, styles);
            groupRow(summary, 2, 1, "全部", figures.total(facts, entered), styles);
            for (Dimension d : List.of(Dimension.UNIT, Dimension.TOWNSHIP, Dimension.CATEGORY, Dimension.LEVEL)) {
                Sheet sheet = sheet(wb, SHEETS.get(d), title + "（" + SHEETS.get(d) + "）", GROUP_HEADER, styles);
                int r = 2;
                for (GroupFigures g : figures.byDimension(d, facts, entered)) {
                    groupRow(sheet, r, r - 1, g.key().isEmpty() ? "（未填写）" : g.key(), g, styles);
                    r++;
                }
            }
            Sheet projects = sheet(wb, "项目明细", title + "（项目明细）", PROJECT_HEADER, styles);
            int r = 2;
            for (ProjectFacts f : facts.stream().sorted(Comparator.comparing(ProjectFacts::code)).toList()) {
                ProjectFigures pf = figures.project(f, entered);
                Row row = projects.createRow(r);
                int c = 0;
                number(row, c++, r - 1, styles);
                text(row, c++, f.code(), styles);
                text(row, c++, f.unitCode(), styles);
                text(row, c++, pf.counted() ? "是" : "否", styles);
                amount(row, c++, pf.planned(), styles);
                amount(row, c++, pf.monthCompleted(), styles);
                amount(row, c++, pf.ytdCompleted(), styles);
                text(row, c++, pf.completionRate().display(), styles);
                text(row, c++, pf.timeProgress().display(), styles);
                text(row, c++, pf.lag().displayPoints(), styles);
                amount(row, c, pf.ytdEntered(), styles);
                r++;
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static Sheet sheet(XSSFWorkbook wb, String name, String title, String[] header, Styles styles) {
        Sheet sheet = wb.createSheet(name);
        Row t = sheet.createRow(0);
        t.createCell(0).setCellValue(title);
        t.getCell(0).setCellStyle(styles.title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.length - 1));
        Row h = sheet.createRow(1);
        for (int i = 0; i < header.length; i++) {
            h.createCell(i).setCellValue(header[i]);
            h.getCell(i).setCellStyle(styles.header);
            sheet.setColumnWidth(i, i == 1 ? 24 * 256 : 14 * 256);
        }
        sheet.createFreezePane(0, 2);
        sheet.setRepeatingRows(new CellRangeAddress(0, 1, 0, header.length - 1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        return sheet;
    }

    private static void groupRow(Sheet sheet, int r, int n, String name, GroupFigures g, Styles styles) {
        Row row = sheet.createRow(r);
        int c = 0;
        number(row, c++, n, styles);
        text(row, c++, name, styles);
        number(row, c++, g.projectsCounted(), styles);
        amount(row, c++, g.planned(), styles);
        amount(row, c++, g.ytdCompleted(), styles);
        text(row, c++, g.completionRate().display(), styles);
        text(row, c++, g.timeProgress().display(), styles);
        text(row, c++, g.lag().displayPoints(), styles);
        text(row, c++, g.yoyGrowth().display(), styles);
        text(row, c++, g.startRate().display(), styles);
        text(row, c++, g.resumeRate().display(), styles);
        text(row, c++, g.startResumeRate().display(), styles);
        text(row, c++, g.completedProjectRate().display(), styles);
        text(row, c++, g.enteredRate().display(), styles);
        amount(row, c, g.ytdEntryGap(), styles);
    }

    private static void text(Row row, int c, String v, Styles s) {
        row.createCell(c).setCellValue(v);
        row.getCell(c).setCellStyle(s.text);
    }

    private static void number(Row row, int c, int v, Styles s) {
        row.createCell(c).setCellValue(v);
        row.getCell(c).setCellStyle(s.text);
    }

    private static void amount(Row row, int c, BigDecimal v, Styles s) {
        row.createCell(c).setCellValue(v.doubleValue()); // display only: the exact figure is in the API
        row.getCell(c).setCellStyle(s.amount);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle amount;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(wb);
            amount = bordered(wb);
            amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
