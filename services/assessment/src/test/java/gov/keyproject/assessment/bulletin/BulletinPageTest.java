package gov.keyproject.assessment.bulletin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinPageTest {

    private static final String HTML = BulletinPage.render(BulletinFixture.report());

    @Test
    void sameTextAnywhere() {
        assertThat(BulletinPage.render(BulletinFixture.report())).isEqualTo(HTML);
        assertThat(BulletinPage.bytes(BulletinFixture.report())).isEqualTo(HTML.getBytes(StandardCharsets.UTF_8));
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Locale.setDefault(Locale.GERMANY);
            assertThat(BulletinPage.render(BulletinFixture.report())).isEqualTo(HTML);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(BulletinPage.bytes(BulletinFixture.report())).isEqualTo(HTML.getBytes(StandardCharsets.UTF_8));
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void printableDocument() {
        assertThat(HTML).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .endsWith("</body>\n</html>\n")
                .contains("<title>2026年9月重点项目建设月度通报</title>")
                .contains("<h1>2026年9月重点项目建设月度通报</h1>")
                .contains("@page { size: A4; margin: 18mm }")
                .contains("\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"SimSun\", serif")
                .contains("page-break-before: always")
                .doesNotContain("\r", "http://", "https://", "<script", "<link");
        assertThat(HTML).contains("截至 2026-09-30　关账时间 2026-10-08 09:30　关账人 统计局 张三");
    }

    @Test
    void escapesText() {
        assertThat(HTML).contains("<td>东湖街道&lt;试点&amp;&quot;示范&quot;&gt;&#39;</td>")
                .contains("<td>城南污水处理厂&lt;二期&gt;</td>")
                .doesNotContain("试点&\"", "<二期>");
        assertThat(BulletinPage.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    }

    @Test
    void everySection() {
        assertThat(HTML).contains("<section id=\"summary\">\n<h2>一、总体情况</h2>")
                .contains("<section class=\"ranking\" id=\"ranking-TOWNSHIP\">\n<h2>二、2026年9月考核红黑榜（乡镇/街道）</h2>")
                .contains("<section class=\"ranking\" id=\"ranking-DEPARTMENT\">\n<h2>三、2026年9月考核红黑榜（部门）</h2>")
                .contains("<section class=\"ranking\" id=\"ranking-DEVELOPMENT_ZONE\">\n<h2>四、2026年9月考核红黑榜（开发区/园区）</h2>")
                .contains("<h2>五、督办单情况</h2>")
                .contains("<h3 id=\"notices-issued\">本期下发（2 件）</h3>")
                .contains("<h3 id=\"notices-overdue\">逾期未办结（1 件）</h3>")
                .contains("<h3 id=\"notices-closed\">本期销号（1 件）</h3>")
                .contains("<h2>六、纸上项目（1 个）</h2>")
                .contains("<h2>七、更正事项（1 项）</h2>");
        assertThat(HTML.indexOf("ranking-TOWNSHIP")).isLessThan(HTML.indexOf("ranking-DEPARTMENT"));
        assertThat(HTML.indexOf("ranking-DEPARTMENT")).isLessThan(HTML.indexOf("ranking-DEVELOPMENT_ZONE"));
    }

    @Test
    void summaryFigures() {
        assertThat(HTML).contains("<tr><th scope=\"row\">完成率</th><td>46.00%</td></tr>")
                .contains("<tr><th scope=\"row\">序时进度差（百分点）</th><td>-29.00</td></tr>")
                .contains("<tr><th scope=\"row\">年度计划投资（万元）</th><td>1,234,567.89</td></tr>")
                .contains("<tr><th scope=\"row\">开工率</th><td>8/10 (80.00%)</td></tr>")
                .contains("<tr><th scope=\"row\">竣工率</th><td>—</td></tr>")
                .contains("<tr><th scope=\"row\">红</th><td>3</td></tr>")
                .contains("<tr><th scope=\"row\">黄</th><td>7</td></tr>")
                .contains("<tr><th scope=\"row\">绿</th><td>118</td></tr>");
    }

    @Test
    void nullRatesShowADash() {
        String html = BulletinPage.render(BulletinFixture.report(BulletinFixture.statisticsWithoutRates()));
        assertThat(html).contains("<tr><th scope=\"row\">完成率</th><td>—</td></tr>")
                .contains("<tr><th scope=\"row\">序时进度差（百分点）</th><td>—</td></tr>")
                .contains("<tr><th scope=\"row\">开工率</th><td>—</td></tr>")
                .contains("<tr><th scope=\"row\">时间进度</th><td>75.00%</td></tr>");
    }

    @Test
    void rankingsHighlightHonourAndBlackLists() {
        assertThat(HTML).contains("<tr class=\"honour\"><td class=\"c\">1</td><td>T01</td><td>城关镇</td>"
                        + "<td class=\"num\">87.50</td><td class=\"num\">40.00</td><td class=\"num\">20.00</td>"
                        + "<td class=\"num\">15.00</td><td class=\"num\">12.50</td><td class=\"num\">0.00</td><td></td>"
                        + "<td class=\"num\">1,200.50</td><td class=\"c\">红榜</td><td class=\"c\">免试清单</td>"
                        + "<td class=\"c\">3</td><td class=\"c\">↑2</td><td class=\"num\">+2.25</td></tr>")
                .contains("<tr class=\"black\"><td class=\"c\">3</td><td>T03</td><td>西山乡</td>")
                .contains("<td>红色督办单×1 扣2.00；纸上项目×1 扣3.00</td>")
                .contains("<tr class=\"unranked\"><td class=\"c\"></td><td>T04</td><td>滨江街道</td>"
                        + "<td class=\"num\">—</td><td class=\"c\">不适用</td>")
                .contains("<p class=\"list honour-list\"><span class=\"tag honour\">红榜</span>城关镇</p>")
                .contains("<p class=\"list black-list\"><span class=\"tag black\">黑榜</span>西山乡</p>")
                .contains("<p class=\"list black-list\"><span class=\"tag black\">黑榜</span>（无）</p>")
                .contains("<td class=\"c\">新</td>");
    }

    @Test
    void noticesPaperProjectsAndAmendments() {
        assertThat(HTML).contains("<td>DB-2026-0815</td><td>XM-0317</td><td>住建局保障房项目</td><td>D02</td>"
                        + "<td>住建局</td><td class=\"c\">红</td><td class=\"c\">逾期</td><td class=\"c\">2026-08-20</td>"
                        + "<td class=\"c\">2026-09-04</td>")
                .contains("<td class=\"c\">已销号</td>")
                .contains("<td>QY-2025-017</td><td>某某新能源科技有限公司</td><td>T03</td><td>西山乡</td>"
                        + "<td class=\"num\">50,000.00</td>")
                .contains("<td>本年累计完成由 1200.00 万元更正为 1350.00 万元</td><td class=\"num\">1,200.00</td>"
                        + "<td class=\"num\">1,350.00</td><td class=\"num\">+150.00</td>");
    }
}
