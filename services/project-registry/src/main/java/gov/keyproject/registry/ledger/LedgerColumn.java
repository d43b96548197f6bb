package gov.keyproject.registry.ledger;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fixed columns of the 台账 layout, in template order; the yearly plan columns ("2026年计划投资(万元)") come
 * after 总投资, one per year. {@code field} is the ProjectData/registration field a rule violation names.
 */
enum LedgerColumn {
    CODE("项目代码", "code", true, "项目编码"),
    NAME("项目名称", "name", true),
    CATEGORY("项目类别", "category", true),
    LEVEL("项目级别", "level", true),
    CONSTRUCTION_TYPE("建设性质", "constructionType", true),
    TOTAL_INVESTMENT("总投资(万元)", "totalInvestment", true, "总投资"),
    PLANNED_START("计划开工日期", "plannedStart", false, "计划开工时间"),
    PLANNED_COMPLETION("计划竣工日期", "plannedCompletion", false, "计划竣工时间"),
    TOWNSHIP("所在乡镇", "township", false, "所在乡镇(街道)", "所在乡镇街道"),
    UNIT("责任单位编码", "unitCode", true, "责任单位代码"),
    LINKED_LEADER("联系领导", "linkedLeader", false),
    OWNER("项目业主", "owner", false, "业主单位"),
    PHASE("项目阶段", "phase", false),
    START_DATE("实际开工日期", "startDate", false, "实际开工时间");

    /** "2026年计划投资(万元)", also without 年 or the unit, or as 年度计划投资. */
    private static final Pattern YEAR_PLAN = Pattern.compile("([0-9]{4})年?度?计划投资(?:\\(万元\\))?");

    final String header;
    final String field;
    final boolean required;
    private final Set<String> names;

    LedgerColumn(String header, String field, boolean required, String... aliases) {
        this.header = header;
        this.field = field;
        this.required = required;
        this.names = Stream.concat(Stream.of(header), Arrays.stream(aliases)).map(LedgerColumn::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    static String yearHeader(String year) {
        return year + "年计划投资(万元)";
    }

    static Optional<LedgerColumn> byHeader(String text) {
        String n = normalize(text);
        return Arrays.stream(values()).filter(c -> c.names.contains(n)).findFirst();
    }

    /** The year of a yearly plan column, or empty. */
    static Optional<String> planYear(String text) {
        Matcher m = YEAR_PLAN.matcher(normalize(text));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<LedgerColumn> byField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }

    /** Offices type headers with full-width brackets, spaces and "*" marks for required columns: ignore them. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('（', '(').replace('）', ')').replaceAll("[\\s\\u00A0\\u3000*＊]", "");
    }
}
