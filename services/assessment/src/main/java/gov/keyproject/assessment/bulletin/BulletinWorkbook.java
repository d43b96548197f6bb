package gov.keyproject.assessment.bulletin;

import gov.keyproject.contracts.UnitKind;
import gov.keyproject.contracts.assessment.BulletinPublished;
import gov.keyproject.contracts.assessment.BulletinPublished.AmendmentLine;
import gov.keyproject.contracts.assessment.BulletinPublished.NoticeLine;
import gov.keyproject.contracts.assessment.BulletinPublished.PaperProjectLine;
import gov.keyproject.contracts.assessment.ComponentScore;
import gov.keyproject.contracts.assessment.RankedUnit;
import gov.keyproject.contracts.assessment.RankingPublished;
import gov.keyproject.contracts.assessment.WarningColour;
import gov.keyproject.contracts.statistics.FigureValues;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The monthly bulletin (月度通报) as the statistics office files it: an .xlsx with 概况, one 红黑榜 sheet per
 * sequence, 督办单, 纸上项目 and 更正事项.
 *
 * <p>Byte-for-byte deterministic: a pure function of the {@link BulletinReport}. Sequences and colours are written
 * in a fixed order (never a map's), dates are written as Excel serial days computed here, the document properties
 * say the workbook was created when the period closed, and the package POI writes is re-stored with every entry
 * STORED (uncompressed, so no zlib implementation or version can change a byte) and stamped with the closing time
 * as a DOS local time (no extended timestamp, so no time zone is involved).
 */
public final class BulletinWorkbook {

    static final String SUMMARY_SHEET = "概况";
    static final String NOTICES_SHEET = "督办单";
    static final String PAPER_SHEET = "纸上项目";
    static final String AMENDMENTS_SHEET = "更正事项";

    /** Excel's day 0 in the 1900 date system (valid for every date from 1900-03-01). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    /** Zip timestamps are DOS times: 1980 to 2107. */
    private static final LocalDateTime DOS_MIN = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final LocalDateTime DOS_MAX = LocalDateTime.of(2107, 12, 31, 23, 59, 58);

    private static final int CHAR = 256;

    private BulletinWorkbook() {
    }

    public static byte[] render(BulletinReport report) {
        BulletinPublished b = report.bulletin();
        byte[] written;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Map<String, String> names = BulletinFormat.unitNames(report);
            summary(wb, b, report, styles);
            for (UnitKind kind : BulletinFormat.sequences(report.rankings())) {
                ranking(wb, b, kind, report.rankings().get(kind), report.previousRankings(), styles);
            }
            notices(wb, b, names, styles);
            paperProjects(wb, b, names, styles);
            amendments(wb, b, names, styles);
            properties(wb, b);
            wb.write(out);
            written = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return restored(written, zipTime(b.closedAt()));
    }

    // ---------------------------------------------------------------------------------------------------- sheets

    private static void summary(XSSFWorkbook wb, BulletinPublished b, BulletinReport report, Styles s) {
        Out o = new Out(wb.createSheet(SUMMARY_SHEET), s);
        o.widths(26, 30);
        o.title(BulletinFormat.title(b.period()), 2);
        o.skip();
        o.pair("通报期", BulletinFormat.periodText(b.period()));
        Row asOf = o.label("截至日期");
        o.date(asOf, 1, b.asOf());
        o.pair("关账时间", BulletinFormat.dateTime(b.closedAt()));
        o.pair("关账人", BulletinFormat.text(b.closedBy()));
        o.skip();

        o.section("统计数据");
        FigureValues f = b.statistics();
        if (f == null) {
            o.pair("统计数据", BulletinFormat.ABSENT);
        } else {
            o.integer(o.label("纳入统计项目数"), 1, (long) f.projectsCounted(), s.integer);
            o.decimal(o.label("年度计划投资（万元）"), 1, f.planned(), s.amount);
            o.decimal(o.label("本月完成（万元）"), 1, f.monthCompleted(), s.amount);
            o.decimal(o.label("本年累计完成（万元）"), 1, f.ytdCompleted(), s.amount);
            o.pair("完成率", BulletinFormat.percent(f.completionRate()));
            o.pair("时间进度", BulletinFormat.percent(f.timeProgress()));
            o.decimal(o.label("序时进度差（百分点）"), 1, BulletinFormat.percentPoints(f.lag()), s.number);
            o.decimal(o.label("累计入库（万元）"), 1, f.ytdEntered(), s.amount);
            o.pair("开工率", BulletinFormat.ratio(f.startedNew(), f.newDueOrStarted()));
            o.pair("复工率", BulletinFormat.ratio(f.resumedContinued(), f.continued()));
            o.pair("竣工率", BulletinFormat.ratio(f.completed(), f.completionDueOrCompleted()));
        }
        o.skip();

        o.section("预警项目数");
        for (WarningColour c : BulletinFormat.colourOrder()) {
            o.integer(o.label(c.label()), 1, (long) BulletinFormat.colourCount(b.colourCounts(), c), s.integer);
        }
        o.skip();

        o.section("督办与更正");
        o.integer(o.label("本期下发督办单"), 1, (long) b.noticesIssued().size(), s.integer);
        o.integer(o.label("逾期未办结督办单"), 1, (long) b.noticesOverdue().size(), s.integer);
        o.integer(o.label("本期销号督办单"), 1, (long) b.noticesClosed().size(), s.integer);
        o.integer(o.label("纸上项目"), 1, (long) b.paperProjects().size(), s.integer);
        o.integer(o.label("更正事项"), 1, (long) b.amendments().size(), s.integer);
        o.skip();

        o.section("考核排名");
        for (UnitKind kind : BulletinFormat.sequences(report.rankings())) {
            o.pair(BulletinFormat.kindLabel(kind), BulletinFormat.rankingSubtitle(report.rankings().get(kind)));
        }
        portrait(o.sheet);
    }

    private static void ranking(XSSFWorkbook wb, BulletinPublished b, UnitKind kind, RankingPublished ranking,
                                Map<UnitKind, RankingPublished> previous, Styles s) {
        Out o = new Out(wb.createSheet(BulletinFormat.rankingSheetName(kind)), s);
        List<String> components = BulletinFormat.componentColumns(ranking);
        List<String> header = new ArrayList<>(List.of("名次", "单位代码", "单位名称", "得分"));
        List<Integer> widths = new ArrayList<>(List.of(6, 12, 26, 9));
        for (String c : components) {
            header.add(BulletinFormat.componentLabel(c));
            widths.add(11);
        }
        header.addAll(List.of("扣分", "扣分明细", "本年累计完成（万元）", "榜单", "清单", "上期名次", "名次变化", "得分变化"));
        widths.addAll(List.of(8, 30, 16, 8, 10, 9, 9, 9));
        o.widths(widths.stream().mapToInt(Integer::intValue).toArray());
        o.title(BulletinFormat.rankingTitle(b.period(), kind), header.size());
        o.plain(BulletinFormat.rankingSubtitle(ranking));
        int headerRow = o.row;
        o.header(header);
        for (RankedUnit u : ranking.units()) {
            RankedUnit before = BulletinFormat.previous(previous, kind, u.unitCode());
            Row r = o.next();
            int c = 0;
            o.integer(r, c++, u.rank() == null ? null : (long) u.rank(), s.integer);
            o.text(r, c++, u.unitCode(), s.text);
            o.text(r, c++, u.unitName(), s.text);
            o.decimal(r, c++, u.score(), s.number);
            for (String name : components) {
                ComponentScore cs = BulletinFormat.component(u, name);
                if (cs != null && cs.applies() && cs.points() != null) {
                    o.decimal(r, c++, cs.points(), s.number);
                } else {
                    o.text(r, c++, BulletinFormat.componentText(cs), s.centred);
                }
            }
            o.decimal(r, c++, BulletinFormat.penaltyTotal(u), s.number);
            o.text(r, c++, BulletinFormat.penaltyDetail(u), s.text);
            o.decimal(r, c++, u.ytdCompleted(), s.amount);
            String list = BulletinFormat.listLabel(u.list());
            o.text(r, c++, list, "HONOUR".equals(u.list()) ? s.honour : "BLACK".equals(u.list()) ? s.black : s.centred);
            o.text(r, c++, BulletinFormat.flagLabel(u.flag()), s.centred);
            Integer previousRank = BulletinFormat.previousRank(before);
            o.integer(r, c++, previousRank == null ? null : (long) previousRank, s.integer);
            o.text(r, c++, BulletinFormat.rankChange(u, before), s.centred);
            o.decimal(r, c, BulletinFormat.scoreChange(u, before), s.signed);
        }
        o.skip();
        unitList(o, "红榜", ranking, ranking.honourList());
        o.skip();
        unitList(o, "黑榜", ranking, ranking.blackList());
        o.sheet.createFreezePane(3, headerRow + 1);
        landscape(o.sheet, headerRow);
    }

    private static void unitList(Out o, String label, RankingPublished ranking, List<String> codes) {
        o.section(label + "（" + codes.size() + " 个）");
        if (codes.isEmpty()) {
            o.plain(BulletinFormat.NONE);
            return;
        }
        o.header(List.of("序号", "单位代码", "单位名称"));
        int n = 1;
        for (String code : codes) {
            Row r = o.next();
            o.integer(r, 0, (long) n++, o.styles.integer);
            o.text(r, 1, code, o.styles.text);
            o.text(r, 2, BulletinFormat.unitName(ranking, code), o.styles.text);
        }
    }

    private static void notices(XSSFWorkbook wb, BulletinPublished b, Map<String, String> names, Styles s) {
        Out o = new Out(wb.createSheet(NOTICES_SHEET), s);
        List<String> header = List.of("序号", "督办单号", "项目代码", "项目名称", "单位代码", "责任单位", "预警颜色", "状态",
                "下发日期", "办理期限");
        o.widths(6, 18, 16, 30, 12, 20, 9, 9, 12, 12);
        o.title(BulletinFormat.periodText(b.period()) + "督办单情况", header.size());
        noticeSection(o, "本期下发", b.noticesIssued(), header, names);
        o.skip();
        noticeSection(o, "逾期未办结", b.noticesOverdue(), header, names);
        o.skip();
        noticeSection(o, "本期销号", b.noticesClosed(), header, names);
        landscape(o.sheet, -1);
    }

    private static void noticeSection(Out o, String label, List<NoticeLine> lines, List<String> header,
                                      Map<String, String> names) {
        o.section(label + "（" + lines.size() + " 件）");
        if (lines.isEmpty()) {
            o.plain(BulletinFormat.NONE);
            return;
        }
        o.header(header);
        Styles s = o.styles;
        int n = 1;
        for (NoticeLine l : lines) {
            Row r = o.next();
            int c = 0;
            o.integer(r, c++, (long) n++, s.integer);
            o.text(r, c++, l.noticeId(), s.text);
            o.text(r, c++, l.projectCode(), s.text);
            o.text(r, c++, l.projectName(), s.text);
            o.text(r, c++, l.unitCode(), s.text);
            o.text(r, c++, names.get(l.unitCode()), s.text);
            o.text(r, c++, BulletinFormat.colourLabel(l.colour()), s.centred);
            o.text(r, c++, BulletinFormat.statusLabel(l.status()), s.centred);
            o.date(r, c++, l.issuedOn());
            o.date(r, c, l.deadline());
        }
    }

    private static void paperProjects(XSSFWorkbook wb, BulletinPublished b, Map<String, String> names, Styles s) {
        Out o = new Out(wb.createSheet(PAPER_SHEET), s);
        List<String> header = List.of("序号", "签约项目编号", "企业名称", "单位代码", "责任单位", "协议投资（万元）", "签约日期",
                "认定日期");
        o.widths(6, 18, 32, 12, 20, 16, 12, 12);
        o.title(BulletinFormat.periodText(b.period()) + "纸上项目（" + b.paperProjects().size() + " 个）", header.size());
        if (b.paperProjects().isEmpty()) {
            o.plain(BulletinFormat.NONE);
        } else {
            o.header(header);
            int n = 1;
            for (PaperProjectLine l : b.paperProjects()) {
                Row r = o.next();
                int c = 0;
                o.integer(r, c++, (long) n++, s.integer);
                o.text(r, c++, l.dealId(), s.text);
                o.text(r, c++, l.company(), s.text);
                o.text(r, c++, l.unitCode(), s.text);
                o.text(r, c++, names.get(l.unitCode()), s.text);
                o.decimal(r, c++, l.agreedInvestment(), s.amount);
                o.date(r, c++, l.signedOn());
                o.date(r, c, l.flaggedOn());
            }
        }
        landscape(o.sheet, -1);
    }

    private static void amendments(XSSFWorkbook wb, BulletinPublished b, Map<String, String> names, Styles s) {
        Out o = new Out(wb.createSheet(AMENDMENTS_SHEET), s);
        List<String> header = List.of("序号", "所属期", "项目代码", "单位代码", "责任单位", "更正内容", "关账时累计完成（万元）",
                "现累计完成（万元）", "差额（万元）");
        o.widths(6, 12, 16, 12, 20, 40, 18, 18, 14);
        o.title("更正事项（" + b.amendments().size() + " 项）", header.size());
        if (b.amendments().isEmpty()) {
            o.plain(BulletinFormat.NONE);
        } else {
            o.header(header);
            int n = 1;
            for (AmendmentLine l : b.amendments()) {
                Row r = o.next();
                int c = 0;
                o.integer(r, c++, (long) n++, s.integer);
                o.text(r, c++, l.period() == null ? "" : BulletinFormat.periodText(l.period()), s.text);
                o.text(r, c++, l.projectCode(), s.text);
                o.text(r, c++, l.unitCode(), s.text);
                o.text(r, c++, names.get(l.unitCode()), s.text);
                o.text(r, c++, l.what(), s.wrapped);
                o.decimal(r, c++, l.frozenYtdCompleted(), s.amount);
                o.decimal(r, c++, l.liveYtdCompleted(), s.amount);
                o.decimal(r, c, BulletinFormat.difference(l.frozenYtdCompleted(), l.liveYtdCompleted()), s.signedAmount);
            }
        }
        landscape(o.sheet, -1);
    }

    private static void properties(XSSFWorkbook wb, BulletinPublished b) {
        var core = wb.getProperties().getCoreProperties();
        Optional<Date> closed = Optional.ofNullable(b.closedAt()).map(Date::from);
        core.setCreated(closed);
        core.setModified(closed);
        core.setTitle(BulletinFormat.title(b.period()));
    }

    private static void portrait(Sheet sheet) {
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private static void landscape(Sheet sheet, int headerRow) {
        portrait(sheet);
        sheet.getPrintSetup().setLandscape(true);
        if (headerRow >= 0) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf((headerRow + 1) + ":" + (headerRow + 1)));
        }
    }

    // ------------------------------------------------------------------------------------------------ zip package

    /** The closing time as a Shanghai local time (DOS times have no zone), even seconds, within the DOS range. */
    private static LocalDateTime zipTime(Instant closedAt) {
        if (closedAt == null) {
            return DOS_MIN;
        }
        LocalDateTime t = BulletinFormat.localDateTime(closedAt).truncatedTo(ChronoUnit.SECONDS);
        t = t.withSecond(t.getSecond() & ~1);
        return t.isBefore(DOS_MIN) ? DOS_MIN : t.isAfter(DOS_MAX) ? DOS_MAX : t;
    }

    /**
     * The package re-stored entry by entry in POI's order, each STORED with its CRC and the given DOS time, with no
     * extra fields, data descriptors or comments: the bytes depend on the entries' contents only.
     */
    static byte[] restored(byte[] zip, LocalDateTime time) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length * 6);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry entry = new ZipEntry(e.getName());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(time);
                z.putNextEntry(entry);
                z.write(data);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ cell writing

    /** Writes a sheet top-down. */
    private static final class Out {
        final Sheet sheet;
        final Styles styles;
        int row;

        Out(Sheet sheet, Styles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        Row next() {
            return sheet.createRow(row++);
        }

        void skip() {
            row++;
        }

        void widths(int... chars) {
            for (int i = 0; i < chars.length; i++) {
                sheet.setColumnWidth(i, chars[i] * CHAR);
            }
        }

        void title(String title, int columns) {
            Row r = next();
            r.setHeightInPoints(28);
            text(r, 0, title, styles.title);
            if (columns > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, columns - 1));
            }
        }

        void section(String label) {
            text(next(), 0, label, styles.section);
        }

        void plain(String value) {
            text(next(), 0, value, styles.plain);
        }

        void header(List<String> labels) {
            Row r = next();
            for (int i = 0; i < labels.size(); i++) {
                text(r, i, labels.get(i), styles.header);
            }
        }

        Row label(String label) {
            Row r = next();
            text(r, 0, label, styles.label);
            return r;
        }

        void pair(String label, String value) {
            text(label(label), 1, value, styles.text);
        }

        void text(Row r, int c, String value, CellStyle style) {
            Cell cell = r.createCell(c);
            cell.setCellValue(value == null ? "" : value);
            cell.setCellStyle(style);
        }

        /** A number rounded half-up to 2 places (as shown), or "—" when absent. */
        void decimal(Row r, int c, BigDecimal value, CellStyle style) {
            if (value == null) {
                text(r, c, BulletinFormat.ABSENT, styles.centred);
                return;
            }
            Cell cell = r.createCell(c);
            cell.setCellValue(BulletinFormat.rounded(value).doubleValue());
            cell.setCellStyle(style);
        }

        /** A whole number, or a blank cell when absent. */
        void integer(Row r, int c, Long value, CellStyle style) {
            Cell cell = r.createCell(c);
            if (value != null) {
                cell.setCellValue(value);
            }
            cell.setCellStyle(style);
        }

        /** A date as Excel's serial day (computed here: no time zone), or a blank cell when absent. */
        void date(Row r, int c, LocalDate value) {
            Cell cell = r.createCell(c);
            if (value != null) {
                cell.setCellValue(ChronoUnit.DAYS.between(EXCEL_EPOCH, value));
            }
            cell.setCellStyle(styles.date);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle section;
        final CellStyle plain;
        final CellStyle header;
        final CellStyle label;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle centred;
        final CellStyle integer;
        final CellStyle number;
        final CellStyle signed;
        final CellStyle amount;
        final CellStyle signedAmount;
        final CellStyle date;
        final CellStyle honour;
        final CellStyle black;

        Styles(XSSFWorkbook wb) {
            DataFormat formats = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            Font red = wb.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.RED.getIndex());
            Font white = wb.createFont();
            white.setBold(true);
            white.setColor(IndexedColors.WHITE.getIndex());

            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            section = wb.createCellStyle();
            section.setFont(bold);
            plain = wb.createCellStyle();
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            label = bordered(wb);
            label.setFont(bold);
            text = bordered(wb);
            wrapped = bordered(wb);
            wrapped.setWrapText(true);
            centred = bordered(wb);
            centred.setAlignment(HorizontalAlignment.CENTER);
            integer = bordered(wb);
            integer.setAlignment(HorizontalAlignment.CENTER);
            integer.setDataFormat(formats.getFormat("0"));
            number = bordered(wb);
            number.setDataFormat(formats.getFormat("0.00"));
            signed = bordered(wb);
            signed.setDataFormat(formats.getFormat("+0.00;-0.00;0.00"));
            amount = bordered(wb);
            amount.setDataFormat(formats.getFormat("#,##0.00"));
            signedAmount = bordered(wb);
            signedAmount.setDataFormat(formats.getFormat("+#,##0.00;-#,##0.00;0.00"));
            date = bordered(wb);
            date.setAlignment(HorizontalAlignment.CENTER);
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            honour = bordered(wb);
            honour.setAlignment(HorizontalAlignment.CENTER);
            honour.setFont(red);
            honour.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            honour.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            black = bordered(wb);
            black.setAlignment(HorizontalAlignment.CENTER);
            black.setFont(white);
            black.setFillForegroundColor(IndexedColors.GREY_80_PERCENT.getIndex());
            black.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }
    }
}
