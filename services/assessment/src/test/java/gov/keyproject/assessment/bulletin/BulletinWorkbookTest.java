package gov.keyproject.assessment.bulletin;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinWorkbookTest {

    private static final DataFormatter SHOWN = new DataFormatter(Locale.ROOT);

    private static byte[] xlsx;
    private static Workbook wb;

    @BeforeAll
    static void render() throws IOException {
        xlsx = BulletinWorkbook.render(BulletinFixture.report());
        wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    @Test
    void sameBytesLaterAndUnderAnotherDefaultTimeZoneAndLocale() throws InterruptedException {
        // Wait until the clock has moved past a zip timestamp's 2-second step, so a time that leaked in would show.
        long step = Instant.now().getEpochSecond() / 2;
        while (Instant.now().getEpochSecond() / 2 == step) {
            Thread.sleep(20);
        }
        assertThat(BulletinWorkbook.render(BulletinFixture.report())).isEqualTo(xlsx);

        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Locale.setDefault(Locale.GERMANY); // decimal comma
            assertThat(BulletinWorkbook.render(BulletinFixture.report())).isEqualTo(xlsx);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("ar-EG")); // other digits
            assertThat(BulletinWorkbook.render(BulletinFixture.report())).isEqualTo(xlsx);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void packageCarriesTheClosingTimeOnly() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED);
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(LocalDateTime.of(2026, 10, 8, 9, 30, 26));
                assertThat(e.getExtra()).as(e.getName()).isNull();
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("[Content_Types].xml", "docProps/core.xml", "xl/workbook.xml");
        String core = new String(entries.get("docProps/core.xml"), StandardCharsets.UTF_8);
        assertThat(core).contains("2026-10-08T01:30:27Z").contains("2026年9月重点项目建设月度通报");
    }

    @Test
    void sheets() {
        List<String> names = new ArrayList<>();
        wb.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
        assertThat(names).containsExactly("概况", "红黑榜-乡镇街道", "红黑榜-部门", "红黑榜-开发区园区", "督办单", "纸上项目",
                "更正事项");
    }

    @Test
    void summary() {
        Sheet s = wb.getSheet("概况");
        assertThat(shown(s.getRow(0).getCell(0))).isEqualTo("2026年9月重点项目建设月度通报");
        assertThat(value(s, "通报期")).isEqualTo("2026年9月");
        assertThat(valueCell(s, "截至日期").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(value(s, "关账时间")).isEqualTo("2026-10-08 09:30");
        assertThat(value(s, "关账人")).isEqualTo("统计局 张三");
        assertThat(valueCell(s, "纳入统计项目数").getNumericCellValue()).isEqualTo(128);
        assertThat(valueCell(s, "年度计划投资（万元）").getNumericCellValue()).isEqualTo(1234567.89);
        assertThat(value(s, "本月完成（万元）")).isEqualTo("23,456.70");
        assertThat(value(s, "完成率")).isEqualTo("46.00%");
        assertThat(value(s, "时间进度")).isEqualTo("75.00%");
        assertThat(value(s, "序时进度差（百分点）")).isEqualTo("-29.00");
        assertThat(value(s, "开工率")).isEqualTo("8/10 (80.00%)");
        assertThat(value(s, "复工率")).isEqualTo("20/25 (80.00%)");
        assertThat(value(s, "竣工率")).isEqualTo("—");
        assertThat(value(s, "红")).isEqualTo("3");
        assertThat(value(s, "黄")).isEqualTo("7");
        assertThat(value(s, "绿")).isEqualTo("118");
    }

    @Test
    void nullRatesShowADash() throws IOException {
        byte[] bytes = BulletinWorkbook.render(BulletinFixture.report(BulletinFixture.statisticsWithoutRates()));
        try (Workbook w = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet s = w.getSheet("概况");
            assertThat(value(s, "完成率")).isEqualTo("—");
            assertThat(value(s, "序时进度差（百分点）")).isEqualTo("—");
            assertThat(value(s, "开工率")).isEqualTo("—");
            assertThat(value(s, "时间进度")).isEqualTo("75.00%");
        }
    }

    @Test
    void townshipRanking() {
        Sheet s = wb.getSheet("红黑榜-乡镇街道");
        assertThat(shown(s.getRow(0).getCell(0))).isEqualTo("2026年9月考核红黑榜（乡镇/街道）");
        assertThat(shown(s.getRow(1).getCell(0))).isEqualTo("排名截至 2026-09-30，第 12 版");
        Row header = s.getRow(2);
        assertThat(texts(header)).containsExactly("名次", "单位代码", "单位名称", "得分", "投资完成", "开复工率", "资金到位率",
                "节点按期", "扣分", "扣分明细", "本年累计完成（万元）", "榜单", "清单", "上期名次", "名次变化", "得分变化");

        Row t01 = s.getRow(3);
        assertThat(texts(t01)).containsExactly("1", "T01", "城关镇", "87.50", "40.00", "20.00", "15.00", "12.50", "0.00",
                "", "1,200.50", "红榜", "免试清单", "3", "↑2", "+2.25");
        assertThat(t01.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(t01.getCell(3).getNumericCellValue()).isEqualTo(87.5);

        Row t02 = s.getRow(4);
        assertThat(texts(t02)).containsExactly("2", "T02", BulletinFixture.ODD_NAME, "80.13", "38.00", "18.00", "14.13",
                "10.00", "0.00", "", "980.00", "", "", "2", "—", "+0.13");

        Row t03 = s.getRow(5);
        assertThat(texts(t03)).containsExactly("3", "T03", "西山乡", "55.44", "35.00", "15.00", "6.00", "4.44", "5.00",
                "红色督办单×1 扣2.00；纸上项目×1 扣3.00", "310.25", "黑榜", "负面清单", "1", "↓2", "-32.56");

        Row t04 = s.getRow(6); // unranked: no rank, no score, nothing applies
        assertThat(texts(t04)).containsExactly("", "T04", "滨江街道", "—", "不适用", "不适用", "不适用", "不适用", "0.00", "",
                "0.00", "", "", "", "—", "—");
        assertThat(t04.getCell(0).getCellType()).isEqualTo(CellType.BLANK);

        assertThat(s.getRow(7)).isNull();
        assertThat(shown(s.getRow(8).getCell(0))).isEqualTo("红榜（1 个）");
        assertThat(texts(s.getRow(10))).containsExactly("1", "T01", "城关镇");
        assertThat(shown(s.getRow(12).getCell(0))).isEqualTo("黑榜（1 个）");
        assertThat(texts(s.getRow(14))).containsExactly("1", "T03", "西山乡");
        assertThat(s.getColumnWidth(2)).isEqualTo(26 * 256);
    }

    @Test
    void departmentAndZoneRankings() {
        Sheet d = wb.getSheet("红黑榜-部门");
        assertThat(texts(d.getRow(3)).subList(0, 4)).containsExactly("1", "D01", "发改局", "92.35");
        assertThat(texts(d.getRow(3)).subList(13, 16)).containsExactly("2", "↑1", "+2.35");
        Row d02 = d.getRow(4);
        assertThat(shown(d02.getCell(4))).isEqualTo("不适用");
        assertThat(shown(d02.getCell(8))).isEqualTo("5.00");
        assertThat(texts(d02).subList(13, 16)).containsExactly("", "新", "—");

        Sheet z = wb.getSheet("红黑榜-开发区园区");
        assertThat(texts(z.getRow(3)).subList(13, 16)).containsExactly("", "新", "—");
        assertThat(shown(z.getRow(6).getCell(0))).isEqualTo("红榜（1 个）");
        assertThat(texts(z.getRow(8))).containsExactly("1", "Z01", "高新技术产业开发区");
        assertThat(shown(z.getRow(10).getCell(0))).isEqualTo("黑榜（0 个）");
        assertThat(shown(z.getRow(11).getCell(0))).isEqualTo("（无）");
    }

    @Test
    void notices() {
        Sheet s = wb.getSheet("督办单");
        assertThat(shown(s.getRow(1).getCell(0))).isEqualTo("本期下发（2 件）");
        assertThat(texts(s.getRow(3))).containsExactly("1", "DB-2026-0901", "XM-0101", "城南污水处理厂<二期>", "T02",
                BulletinFixture.ODD_NAME, "黄", "已下发", "2026-09-03", "2026-09-18");
        assertThat(s.getRow(3).getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(texts(s.getRow(4)).subList(6, 8)).containsExactly("红", "已领办");
        assertThat(shown(s.getRow(6).getCell(0))).isEqualTo("逾期未办结（1 件）");
        assertThat(texts(s.getRow(8)).subList(1, 8)).containsExactly("DB-2026-0815", "XM-0317", "住建局保障房项目", "D02",
                "住建局", "红", "逾期");
        assertThat(shown(s.getRow(10).getCell(0))).isEqualTo("本期销号（1 件）");
        assertThat(texts(s.getRow(12)).subList(1, 8)).containsExactly("DB-2026-0802", "XM-0011", "城关镇农贸市场改造",
                "T01", "城关镇", "黄", "已销号");
    }

    @Test
    void paperProjectsAndAmendments() {
        Sheet p = wb.getSheet("纸上项目");
        assertThat(texts(p.getRow(2))).containsExactly("1", "QY-2025-017", "某某新能源科技有限公司", "T03", "西山乡",
                "50,000.00", "2025-11-02", "2026-09-15");
        Sheet a = wb.getSheet("更正事项");
        assertThat(texts(a.getRow(2))).containsExactly("1", "2026年7月", "XM-0203", "T03", "西山乡",
                "本年累计完成由 1200.00 万元更正为 1350.00 万元", "1,200.00", "1,350.00", "+150.00");
    }

    private static String value(Sheet s, String label) {
        return shown(valueCell(s, label));
    }

    private static Cell valueCell(Sheet s, String label) {
        for (Row r : s) {
            if (r.getCell(0) != null && label.equals(r.getCell(0).getStringCellValue())) {
                return r.getCell(1);
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static List<String> texts(Row r) {
        List<String> t = new ArrayList<>();
        for (int c = 0; c < r.getLastCellNum(); c++) {
            t.add(shown(r.getCell(c)));
        }
        return t;
    }

    private static String shown(Cell c) {
        return c == null ? "" : SHOWN.formatCellValue(c);
    }
}
