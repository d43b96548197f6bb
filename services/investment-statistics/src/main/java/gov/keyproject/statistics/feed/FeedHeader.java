package gov.keyproject.statistics.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header row of a feed file: which column holds which field. The bureau's Chinese headers and the English field
 * names are both accepted, in any order, with or without the unit "(万元)" and with full-width brackets.
 */
record FeedHeader(int rowNumber, Map<String, Integer> columns, Map<String, String> titles) {

    /** Titles above the header (a report title, a date line) are skipped, up to this many rows. */
    static final int SEARCH_ROWS = 20;

    private static final Map<String, Set<String>> ALIASES = Map.of(
            FeedRow.CODE, Set.of("项目代码", "项目编码", "项目统一代码", "projectcode", "project_code", "code"),
            FeedRow.PERIOD, Set.of("统计期", "统计期间", "统计月份", "所属期", "期间", "月份", "period"),
            FeedRow.AMOUNT, Set.of("入库金额", "入库金额(万元)", "入库投资", "入库投资(万元)", "入库额",
                    "amountentered", "amount_entered", "amount"));
    static final Map<String, String> CHINESE = Map.of(FeedRow.CODE, "项目代码", FeedRow.PERIOD, "统计期",
            FeedRow.AMOUNT, "入库金额(万元)");

    /** The header if {@code cells} names all three fields. */
    static Optional<FeedHeader> detect(int rowNumber, List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String title = FeedRow.clean(cells.get(i));
            String field = title == null ? null : field(title);
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, i);
                titles.put(field, title);
            }
        }
        return columns.size() == 3 ? Optional.of(new FeedHeader(rowNumber, columns, titles)) : Optional.empty();
    }

    /** How many of the three fields a row names (to explain a header that is almost right). */
    static Set<String> named(List<String> cells) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        for (String c : cells) {
            String title = FeedRow.clean(c);
            String field = title == null ? null : field(title);
            if (field != null) {
                found.add(field);
            }
        }
        return found;
    }

    private static String field(String title) {
        String t = title.replace('\uFEFF', ' ').replace('（', '(').replace('）', ')').replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> e : ALIASES.entrySet()) {
            if (e.getValue().contains(t)) {
                return e.getKey();
            }
        }
        return null;
    }

    String cell(List<String> cells, String field) {
        int i = columns.get(field);
        return i < cells.size() ? cells.get(i) : null;
    }
}
