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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The monthly bulletin (月度通报) as a printable, self-contained HTML5 page (A4, no external resources): the same
 * content as {@link BulletinWorkbook}. A pure function of the {@link BulletinReport}: every text is escaped, lines end
 * with '\n', sequences and colours come in a fixed order, nothing depends on the clock, locale or time zone.
 */
public final class BulletinPage {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private static final String STYLE = """
            @page { size: A4; margin: 18mm }
            * { box-sizing: border-box }
            html { -webkit-print-color-adjust: exact; print-color-adjust: exact }
            body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 10.5pt;
                   line-height: 1.5; color: #000; margin: 0 auto; max-width: 297mm }
            h1 { font-size: 20pt; text-align: center; margin: 0 0 4mm }
            h2 { font-size: 14pt; margin: 6mm 0 2mm }
            h3 { font-size: 12pt; margin: 4mm 0 2mm }
            p.meta { text-align: center; margin: 0 0 4mm }
            table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 9.5pt }
            th, td { border: 0.5pt solid #000; padding: 0.8mm 1.5mm; vertical-align: middle }
            th { background: #e6e6e6; font-weight: bold; text-align: center }
            td.num { text-align: right; white-space: nowrap }
            td.c { text-align: center; white-space: nowrap }
            table.pairs { width: auto; min-width: 60% }
            table.pairs th { text-align: left; background: #f2f2f2 }
            thead { display: table-header-group }
            tr { page-break-inside: avoid; break-inside: avoid }
            tr.honour td { background: #fde0e0 }
            tr.black td { background: #d0d0d0 }
            tr.unranked td { color: #555 }
            span.tag { display: inline-block; padding: 0 1.5mm; margin-right: 2mm; font-weight: bold }
            span.tag.honour { color: #c00000; border: 0.5pt solid #c00000 }
            span.tag.black { color: #fff; background: #333 }
            p.list { margin: 1mm 0 }
            p.none { margin: 1mm 0 3mm; color: #555 }
            p.note { font-size: 9pt; margin: 1mm 0 }
            @page wide { size: A4 landscape; margin: 18mm }
            section.ranking { page-break-before: always; break-before: page; page: wide }
            table.units { font-size: 8.5pt }
            """;

    private BulletinPage() {
    }

    public static String render(BulletinReport report) {
        BulletinPublished b = report.bulletin();
        Map<String, String> names = BulletinFormat.unitNames(report);
        String title = BulletinFormat.title(b.period());
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.raw("<title>").text(title).raw("</title>\n<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n");
        h.raw("<header>\n<h1>").text(title).raw("</h1>\n<p class=\"meta\">截至 ").text(BulletinFormat.date(b.asOf()))
                .raw("　关账时间 ").text(BulletinFormat.dateTime(b.closedAt()))
                .raw("　关账人 ").text(BulletinFormat.text(b.closedBy())).raw("</p>\n</header>\n");

        int section = 0;
        summary(h, numeral(section++), b, report);
        for (UnitKind kind : BulletinFormat.sequences(report.rankings())) {
            ranking(h, numeral(section++), b, kind, report.rankings().get(kind), report.previousRankings());
        }
        notices(h, numeral(section++), b, names);
        paperProjects(h, numeral(section++), b, names);
        amendments(h, numeral(section), b, names);
        h.raw("</body>\n</html>\n");
        return h.toString();
    }

    /** The page as UTF-8 bytes (what is issued and digested). */
    public static byte[] bytes(BulletinReport report) {
        return render(report).getBytes(StandardCharsets.UTF_8);
    }

    private static String numeral(int i) {
        return i < NUMERALS.length ? NUMERALS[i] : Integer.toString(i + 1);
    }

    // ---------------------------------------------------------------------------------------------------- sections

    private static void summary(Html h, String n, BulletinPublished b, BulletinReport report) {
        h.raw("<section id=\"summary\">\n<h2>").text(n + "、总体情况").raw("</h2>\n");
        h.raw("<table class=\"pairs\">\n<tbody>\n");
        pair(h, "通报期", BulletinFormat.periodText(b.period()));
        pair(h, "截至日期", BulletinFormat.date(b.asOf()));
        pair(h, "关账时间", BulletinFormat.dateTime(b.closedAt()));
        pair(h, "关账人", BulletinFormat.text(b.closedBy()));
        h.raw("</tbody>\n</table>\n");

        h.raw("<h3>统计数据</h3>\n<table class=\"pairs\" id=\"statistics\">\n<tbody>\n");
        FigureValues f = b.statistics();
        if (f == null) {
            pair(h, "统计数据", BulletinFormat.ABSENT);
        } else {
            pair(h, "纳入统计项目数", Integer.toString(f.projectsCounted()));
            pair(h, "年度计划投资（万元）", BulletinFormat.amount(f.planned()));
            pair(h, "本月完成（万元）", BulletinFormat.amount(f.monthCompleted()));
            pair(h, "本年累计完成（万元）", BulletinFormat.amount(f.ytdCompleted()));
            pair(h, "完成率", BulletinFormat.percent(f.completionRate()));
            pair(h, "时间进度", BulletinFormat.percent(f.timeProgress()));
            pair(h, "序时进度差（百分点）", BulletinFormat.decimal(BulletinFormat.percentPoints(f.lag())));
            pair(h, "累计入库（万元）", BulletinFormat.amount(f.ytdEntered()));
            pair(h, "开工率", BulletinFormat.ratio(f.startedNew(), f.newDueOrStarted()));
            pair(h, "复工率", BulletinFormat.ratio(f.resumedContinued(), f.continued()));
            pair(h, "竣工率", BulletinFormat.ratio(f.completed(), f.completionDueOrCompleted()));
        }
        h.raw("</tbody>\n</table>\n");

        h.raw("<h3>预警项目数</h3>\n<table class=\"pairs\" id=\"colours\">\n<tbody>\n");
        for (WarningColour c : BulletinFormat.colourOrder()) {
            pair(h, c.label(), Integer.toString(BulletinFormat.colourCount(b.colourCounts(), c)));
        }
        h.raw("</tbody>\n</table>\n");

        h.raw("<h3>督办与更正</h3>\n<table class=\"pairs\">\n<tbody>\n");
        pair(h, "本期下发督办单", Integer.toString(b.noticesIssued().size()));
        pair(h, "逾期未办结督办单", Integer.toString(b.noticesOverdue().size()));
        pair(h, "本期销号督办单", Integer.toString(b.noticesClosed().size()));
        pair(h, "纸上项目", Integer.toString(b.paperProjects().size()));
        pair(h, "更正事项", Integer.toString(b.amendments().size()));
        h.raw("</tbody>\n</table>\n");

        List<UnitKind> kinds = BulletinFormat.sequences(report.rankings());
        if (!kinds.isEmpty()) {
            h.raw("<h3>考核排名</h3>\n<table class=\"pairs\">\n<tbody>\n");
            for (UnitKind kind : kinds) {
                pair(h, BulletinFormat.kindLabel(kind), BulletinFormat.rankingSubtitle(report.rankings().get(kind)));
            }
            h.raw("</tbody>\n</table>\n");
        }
        h.raw("</section>\n");
    }

    private static void ranking(Html h, String n, BulletinPublished b, UnitKind kind, RankingPublished ranking,
                                Map<UnitKind, RankingPublished> previous) {
        h.raw("<section class=\"ranking\" id=\"ranking-").text(kind.name()).raw("\">\n<h2>")
                .text(n + "、" + BulletinFormat.rankingTitle(b.period(), kind)).raw("</h2>\n<p class=\"note\">")
                .text(BulletinFormat.rankingSubtitle(ranking)).raw("</p>\n");
        List<String> components = BulletinFormat.componentColumns(ranking);
        List<String> header = new ArrayList<>(List.of("名次", "单位代码", "单位名称", "得分"));
        components.forEach(c -> header.add(BulletinFormat.componentLabel(c)));
        header.addAll(List.of("扣分", "扣分明细", "本年累计完成（万元）", "榜单", "清单", "上期名次", "名次变化", "得分变化"));
        h.raw("<table class=\"units\">\n");
        head(h, header);
        h.raw("<tbody>\n");
        for (RankedUnit u : ranking.units()) {
            RankedUnit before = BulletinFormat.previous(previous, kind, u.unitCode());
            String rowClass = "HONOUR".equals(u.list()) ? "honour" : "BLACK".equals(u.list()) ? "black"
                    : u.rank() == null ? "unranked" : null;
            h.raw(rowClass == null ? "<tr>" : "<tr class=\"" + rowClass + "\">");
            cell(h, "c", u.rank() == null ? "" : Integer.toString(u.rank()));
            cell(h, null, u.unitCode());
            cell(h, null, u.unitName());
            cell(h, "num", BulletinFormat.decimal(u.score()));
            for (String name : components) {
                ComponentScore cs = BulletinFormat.component(u, name);
                cell(h, cs != null && cs.applies() ? "num" : "c", BulletinFormat.componentText(cs));
            }
            cell(h, "num", BulletinFormat.decimal(BulletinFormat.penaltyTotal(u)));
            cell(h, null, BulletinFormat.penaltyDetail(u));
            cell(h, "num", BulletinFormat.amount(u.ytdCompleted()));
            cell(h, "c", BulletinFormat.listLabel(u.list()));
            cell(h, "c", BulletinFormat.flagLabel(u.flag()));
            Integer previousRank = BulletinFormat.previousRank(before);
            cell(h, "c", previousRank == null ? "" : Integer.toString(previousRank));
            cell(h, "c", BulletinFormat.rankChange(u, before));
            cell(h, "num", BulletinFormat.signed(BulletinFormat.scoreChange(u, before)));
            h.raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
        unitList(h, "honour", "红榜", ranking, ranking.honourList());
        unitList(h, "black", "黑榜", ranking, ranking.blackList());
        h.raw("<p class=\"note\">注：红色底纹为红榜单位，灰色底纹为黑榜单位；“不适用”指该项指标分母为零、不计入得分；"
                + "名次变化、得分变化与上期通报相比，“新”为上期通报未列入本序列。</p>\n</section>\n");
    }

    private static void unitList(Html h, String cssClass, String label, RankingPublished ranking, List<String> codes) {
        h.raw("<p class=\"list ").raw(cssClass).raw("-list\"><span class=\"tag ").raw(cssClass).raw("\">").text(label)
                .raw("</span>");
        if (codes.isEmpty()) {
            h.text(BulletinFormat.NONE);
        } else {
            for (int i = 0; i < codes.size(); i++) {
                if (i > 0) {
                    h.raw("、");
                }
                h.text(BulletinFormat.unitName(ranking, codes.get(i)));
            }
        }
        h.raw("</p>\n");
    }

    private static void notices(Html h, String n, BulletinPublished b, Map<String, String> names) {
        h.raw("<section id=\"notices\">\n<h2>").text(n + "、督办单情况").raw("</h2>\n");
        noticeTable(h, "notices-issued", "本期下发", b.noticesIssued(), names);
        noticeTable(h, "notices-overdue", "逾期未办结", b.noticesOverdue(), names);
        noticeTable(h, "notices-closed", "本期销号", b.noticesClosed(), names);
        h.raw("</section>\n");
    }

    private static void noticeTable(Html h, String id, String label, List<NoticeLine> lines,
                                    Map<String, String> names) {
        h.raw("<h3 id=\"").raw(id).raw("\">").text(label + "（" + lines.size() + " 件）").raw("</h3>\n");
        if (lines.isEmpty()) {
            none(h);
            return;
        }
        h.raw("<table>\n");
        head(h, List.of("序号", "督办单号", "项目代码", "项目名称", "单位代码", "责任单位", "预警颜色", "状态", "下发日期",
                "办理期限"));
        h.raw("<tbody>\n");
        int i = 1;
        for (NoticeLine l : lines) {
            h.raw("<tr>");
            cell(h, "c", Integer.toString(i++));
            cell(h, null, l.noticeId());
            cell(h, null, l.projectCode());
            cell(h, null, l.projectName());
            cell(h, null, l.unitCode());
            cell(h, null, names.get(l.unitCode()));
            cell(h, "c", BulletinFormat.colourLabel(l.colour()));
            cell(h, "c", BulletinFormat.statusLabel(l.status()));
            cell(h, "c", BulletinFormat.date(l.issuedOn()));
            cell(h, "c", BulletinFormat.date(l.deadline()));
            h.raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }

    private static void paperProjects(Html h, String n, BulletinPublished b, Map<String, String> names) {
        h.raw("<section id=\"paper-projects\">\n<h2>")
                .text(n + "、纸上项目（" + b.paperProjects().size() + " 个）").raw("</h2>\n");
        if (b.paperProjects().isEmpty()) {
            none(h);
        } else {
            h.raw("<table>\n");
            head(h, List.of("序号", "签约项目编号", "企业名称", "单位代码", "责任单位", "协议投资（万元）", "签约日期", "认定日期"));
            h.raw("<tbody>\n");
            int i = 1;
            for (PaperProjectLine l : b.paperProjects()) {
                h.raw("<tr>");
                cell(h, "c", Integer.toString(i++));
                cell(h, null, l.dealId());
                cell(h, null, l.company());
                cell(h, null, l.unitCode());
                cell(h, null, names.get(l.unitCode()));
                cell(h, "num", BulletinFormat.amount(l.agreedInvestment()));
                cell(h, "c", BulletinFormat.date(l.signedOn()));
                cell(h, "c", BulletinFormat.date(l.flaggedOn()));
                h.raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        h.raw("</section>\n");
    }

    private static void amendments(Html h, String n, BulletinPublished b, Map<String, String> names) {
        h.raw("<section id=\"amendments\">\n<h2>")
                .text(n + "、更正事项（" + b.amendments().size() + " 项）").raw("</h2>\n");
        if (b.amendments().isEmpty()) {
            none(h);
        } else {
            h.raw("<table>\n");
            head(h, List.of("序号", "所属期", "项目代码", "单位代码", "责任单位", "更正内容", "关账时累计完成（万元）",
                    "现累计完成（万元）", "差额（万元）"));
            h.raw("<tbody>\n");
            int i = 1;
            for (AmendmentLine l : b.amendments()) {
                BigDecimal diff = BulletinFormat.difference(l.frozenYtdCompleted(), l.liveYtdCompleted());
                h.raw("<tr>");
                cell(h, "c", Integer.toString(i++));
                cell(h, "c", l.period() == null ? "" : BulletinFormat.periodText(l.period()));
                cell(h, null, l.projectCode());
                cell(h, null, l.unitCode());
                cell(h, null, names.get(l.unitCode()));
                cell(h, null, l.what());
                cell(h, "num", BulletinFormat.amount(l.frozenYtdCompleted()));
                cell(h, "num", BulletinFormat.amount(l.liveYtdCompleted()));
                cell(h, "num", BulletinFormat.signedAmount(diff));
                h.raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        h.raw("</section>\n");
    }

    // ---------------------------------------------------------------------------------------------------- markup

    private static void pair(Html h, String label, String value) {
        h.raw("<tr><th scope=\"row\">").text(label).raw("</th><td>").text(value).raw("</td></tr>\n");
    }

    private static void head(Html h, List<String> labels) {
        h.raw("<thead>\n<tr>");
        for (String l : labels) {
            h.raw("<th>").text(l).raw("</th>");
        }
        h.raw("</tr>\n</thead>\n");
    }

    private static void cell(Html h, String cssClass, String value) {
        h.raw(cssClass == null ? "<td>" : "<td class=\"" + cssClass + "\">").text(value).raw("</td>");
    }

    private static void none(Html h) {
        h.raw("<p class=\"none\">").text(BulletinFormat.NONE).raw("</p>\n");
    }

    /** Markup built by hand: {@link #raw} for our own tags, {@link #text} for anything else (escaped). */
    private static final class Html {
        private final StringBuilder b = new StringBuilder(64 * 1024);

        Html raw(String markup) {
            b.append(markup);
            return this;
        }

        Html text(String value) {
            escape(b, value);
            return this;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    /** HTML-escapes &amp;, &lt;, &gt;, &quot; and &#39; (null as blank). */
    static String escape(String value) {
        StringBuilder b = new StringBuilder();
        escape(b, value);
        return b.toString();
    }

    private static void escape(StringBuilder b, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    b.append(c);
            }
        }
    }
}
