package gov.keyproject.registry.project;

import gov.keyproject.contracts.project.ConstructionType;
import gov.keyproject.contracts.project.ProjectCategory;
import gov.keyproject.contracts.project.ProjectLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The descriptive data of a key project (项目台账 columns): what it is, how much it costs and when, where, and who
 * answers for it. {@code plannedInvestment} maps a year ("2026") to that year's planned investment in 万元.
 */
public record ProjectData(
        String name,
        ProjectCategory category,
        ProjectLevel level,
        ConstructionType constructionType,
        BigDecimal totalInvestment,
        Map<String, BigDecimal> plannedInvestment,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        String township,
        BigDecimal latitude,
        BigDecimal longitude,
        String unitCode,
        String linkedLeader,
        String owner) {

    /** Checks every rule and returns the normalized data (trimmed texts, amounts at scale 2, years sorted). */
    public ProjectData validated() {
        String n = Texts.required("name", name, 100);
        require("category", category);
        require("level", level);
        require("constructionType", constructionType);
        BigDecimal total = Texts.amount("totalInvestment", totalInvestment);
        if (total.signum() == 0) {
            throw new ProjectRuleViolation("totalInvestment", "总投资必须大于 0");
        }
        Map<String, BigDecimal> planned = new TreeMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        if (plannedInvestment != null) {
            for (Map.Entry<String, BigDecimal> e : plannedInvestment.entrySet()) {
                String field = "plannedInvestment." + e.getKey();
                if (e.getKey() == null || !e.getKey().matches("20[0-9]{2}|2100")) {
                    throw new ProjectRuleViolation(field, "年度须为 2000–2100 的四位年份");
                }
                BigDecimal amount = Texts.amount(field, e.getValue());
                planned.put(e.getKey(), amount);
                sum = sum.add(amount);
            }
        }
        if (sum.compareTo(total) > 0) {
            throw new ProjectRuleViolation("plannedInvestment", "各年度计划投资之和 (" + sum.toPlainString()
                    + ") 超过总投资 (" + total.toPlainString() + ")");
        }
        if (plannedStart != null && plannedCompletion != null && plannedCompletion.isBefore(plannedStart)) {
            throw new ProjectRuleViolation("plannedCompletion", "计划竣工日期不能早于计划开工日期");
        }
        checkYear("plannedStart", plannedStart);
        checkYear("plannedCompletion", plannedCompletion);
        if ((latitude == null) != (longitude == null)) {
            throw new ProjectRuleViolation(latitude == null ? "latitude" : "longitude", "经纬度须同时填写");
        }
        if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0)) {
            throw new ProjectRuleViolation("latitude", "纬度须在 -90 到 90 之间");
        }
        if (longitude != null && (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw new ProjectRuleViolation("longitude", "经度须在 -180 到 180 之间");
        }
        String unit = Texts.required("unitCode", unitCode, 32);
        return new ProjectData(n, category, level, constructionType, total, planned, plannedStart, plannedCompletion,
                Texts.optional("township", township, 50), latitude, longitude, unit,
                Texts.optional("linkedLeader", linkedLeader, 50), Texts.optional("owner", owner, 100));
    }

    /** Planned investment for {@code year}, zero when none is planned. */
    public BigDecimal plannedFor(int year) {
        return plannedInvestment == null ? BigDecimal.ZERO
                : plannedInvestment.getOrDefault(Integer.toString(year), BigDecimal.ZERO);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new ProjectRuleViolation(field, "不能为空");
        }
    }

    private static void checkYear(String field, LocalDate date) {
        if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
            throw new ProjectRuleViolation(field, "日期须在 2000–2100 年之间");
        }
    }
}
